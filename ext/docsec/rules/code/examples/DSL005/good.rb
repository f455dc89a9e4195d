redirect_to root_path
redirect_to params[:return_to] if params[:return_to].to_s.start_with?("/")
