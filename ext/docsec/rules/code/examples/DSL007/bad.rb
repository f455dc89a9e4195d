client = Octokit::Client.new(access_token: "ghp_Zq8X2vK9mR4tL7wN3pB6yC1dF5hJ0sA2eG8u")  # expect: DSL007 DSC002
SECRET_KEY_BASE = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"  # expect: DSL007 DSG002
