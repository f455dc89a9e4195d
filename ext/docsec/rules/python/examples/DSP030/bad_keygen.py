from ecdsa import NIST192p, SigningKey
from M2Crypto import RSA
from pkcs11 import KeyType

key = RSA.gen_key(1024, 65537)  # expect: DSP030
public, private = session.generate_keypair(KeyType.RSA, 1024)  # expect: DSP030
sk = SigningKey.generate(curve=NIST192p)  # expect: DSP030
