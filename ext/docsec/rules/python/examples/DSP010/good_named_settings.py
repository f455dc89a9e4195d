from arango import ArangoClient

client = ArangoClient(hosts="https://db.example.com:8529", verify_override="/etc/ssl/certs/ca.pem")
REDIS_SSL = True
REDIS_SSL_CERT_REQS = "required"
frame.to_sql("table", connection, verify_integrity=False)
token = jwt.decode(encoded, key, algorithms=["HS256"], options={"verify_exp": False})
report = model.fit(features, labels, verify_input=False)
session = winrm.Session("https://host:5986/wsman", auth=(user, password), server_cert_validation="validate")
checks = {"disable_signature_check": False, "ignore_errors": True}
