from arango import ArangoClient

client = ArangoClient(hosts="https://db.example.com:8529", verify_override=False)  # expect: DSP010
REDIS_SSL = True
REDIS_SSL_CERT_REQS = None  # expect: DSP010
vault = VaultClient(url="https://vault.example.com", ssl_cert_verification=False)  # expect: DSP010
