user.password_digest = Digest::MD5.hexdigest(params[:password])  # expect: DSL006
hashed = Digest::SHA256.hexdigest(password + salt)  # expect: DSL006
