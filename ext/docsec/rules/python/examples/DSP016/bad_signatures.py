from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from pkcs11 import Mechanism

signature = private_key.sign(message, padding.PKCS1v15(), hashes.SHA1())  # expect: DSP016
token_signature = priv.sign(data, mechanism=Mechanism.SHA1_RSA_PKCS)  # expect: DSP016
