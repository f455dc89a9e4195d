import ssl
from OpenSSL import SSL
from cryptography.hazmat.primitives.asymmetric import rsa, dsa, ec

context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: DSP030
legacy = ssl.SSLContext(protocol=ssl.PROTOCOL_SSLv3)  # expect: DSP030
ctx = ssl.create_default_context()
ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: DSP030
old = SSL.Context(SSL.TLSv1_1_METHOD)  # expect: DSP030

key = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: DSP030
dsa_key = dsa.generate_private_key(key_size=1024)  # expect: DSP030
ec_key = ec.generate_private_key(ec.SECP192R1())  # expect: DSP030
