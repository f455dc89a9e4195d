from ecdsa import NIST256p, SigningKey
from M2Crypto import RSA
from pkcs11 import KeyType

key = RSA.gen_key(3072, 65537)
public, private = session.generate_keypair(KeyType.RSA, 2048)
secret = session.generate_key(KeyType.AES, 128)
sk = SigningKey.generate(curve=NIST256p)
