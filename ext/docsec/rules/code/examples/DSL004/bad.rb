http.verify_mode = OpenSSL::SSL::VERIFY_NONE  # expect: DSL004
conn = Faraday.new(url, ssl: { verify: false })  # expect: DSL004
HTTParty.get(url, verify: false)  # expect: DSL004
