$env:NODE_TLS_REJECT_UNAUTHORIZED = "0"  # expect: DSS004
curl.exe -k https://internal.example.com  # expect: DSS004
