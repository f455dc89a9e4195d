from arango import ArangoClient

client = ArangoClient(hosts="https://db.example.com:8529", verify_override=False)  # expect: DSP010
REDIS_SSL = True
REDIS_SSL_CERT_REQS = None  # expect: DSP010
vault = VaultClient(url="https://vault.example.com", ssl_cert_verification=False)  # expect: DSP010
session = winrm.Session("https://host:5986/wsman", auth=(user, password), server_cert_validation="ignore")  # expect: DSP010
deploy = {"allow_self_signed": True, "url": "https://deploy.example.com"}  # expect: DSP010
