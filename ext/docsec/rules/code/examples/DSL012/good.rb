class FilesController < ApplicationController
  def show
    send_file Rails.root.join("uploads", File.basename(params[:name]))
  end
end
