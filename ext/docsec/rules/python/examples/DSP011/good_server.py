import socket

from OpenSSL import SSL

ctx = SSL.Context(SSL.TLS_METHOD)
ctx.set_verify(SSL.VERIFY_NONE, lambda *args: True)  # a server asks no certificate of its clients
ctx.use_privatekey_file("server.key")
ctx.use_certificate_file("server.crt")
server = SSL.Connection(ctx, socket.socket())
server.bind(("127.0.0.1", 8443))
server.listen(5)
