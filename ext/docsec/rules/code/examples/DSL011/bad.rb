class GreetingsController < ApplicationController
  def show
    render html: params[:message].html_safe  # expect: DSL011
  end
end
