class GreetingsController < ApplicationController
  def show
    render html: ERB::Util.html_escape(params[:message])
  end
end
