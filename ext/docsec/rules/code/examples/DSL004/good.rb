http.verify_mode = OpenSSL::SSL::VERIFY_PEER
conn = Faraday.new(url, ssl: { ca_file: "/etc/ssl/certs/internal-ca.pem" })
