import ssl
import socket

context = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
context.minimum_version = ssl.TLSVersion.TLSv1_2
context.check_hostname = True
context.verify_mode = ssl.CERT_REQUIRED
with socket.create_connection(("example.com", 443)) as sock:
    with context.wrap_socket(sock, server_hostname="example.com") as tls:
        print(tls.version())
if context.verify_mode == ssl.CERT_NONE:
    raise RuntimeError("certificate verification must stay on")
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server.load_cert_chain("server.crt", "server.key")
redis_client = redis.Redis(host="cache", ssl=True, ssl_cert_reqs="required")
