class CalculatorController < ApplicationController
  def compute
    result = eval(params[:expression])  # expect: DSL010
    report = Report.new.send(params[:format])  # expect: DSL010
    render plain: result
  end
end
