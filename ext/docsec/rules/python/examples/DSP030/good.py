import ssl
from cryptography.hazmat.primitives.asymmetric import rsa, ec

context = ssl.create_default_context()
context.minimum_version = ssl.TLSVersion.TLSv1_2
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
ec_key = ec.generate_private_key(ec.SECP256R1())
if context.minimum_version == ssl.TLSVersion.TLSv1:
    raise ValueError("TLS 1.0 is not allowed")
