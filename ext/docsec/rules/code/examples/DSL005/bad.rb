redirect_to params[:return_to]  # expect: DSL005
redirect_to(params[:next] || root_path)  # expect: DSL005
