forwarded_allow_ips = "127.0.0.1"
trusted_proxies = ["10.0.0.0/8"]
