class CalculatorController < ApplicationController
  FORMATS = %w[csv pdf].freeze

  def compute
    format = FORMATS.include?(params[:format]) ? params[:format] : "csv"
    report = Report.new.public_send("to_#{format}") if FORMATS.include?(format)
    render plain: eval("1 + 1")
  end
end
