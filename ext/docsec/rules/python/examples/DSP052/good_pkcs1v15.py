from Crypto.Cipher import PKCS1_OAEP
from Crypto.Signature import pkcs1_15
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

ciphertext = public_key.encrypt(message, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(),
                                                      label=None))
sealed = PKCS1_OAEP.new(key).encrypt(b"session key")
signature = private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
signed = pkcs1_15.new(key).sign(digest)
