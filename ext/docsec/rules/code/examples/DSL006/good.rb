user.password_digest = BCrypt::Password.create(params[:password])
etag = Digest::SHA256.hexdigest(body)
