client = Octokit::Client.new(access_token: ENV.fetch("GITHUB_TOKEN"))
SECRET_KEY_BASE = Rails.application.credentials.secret_key_base
