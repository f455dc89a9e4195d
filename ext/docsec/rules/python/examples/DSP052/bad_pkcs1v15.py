from Crypto.Cipher import PKCS1_v1_5
from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import padding

ciphertext = public_key.encrypt(message, padding.PKCS1v15())  # expect: DSP052
cipher = PKCS1_v1_5.new(RSA.import_key(pem))
sealed = cipher.encrypt(b"session key")  # expect: DSP052
data = rsa_key.public_encrypt(message, RSA.pkcs1_padding)  # expect: DSP052
wrapped = m2_key.encrypt(message, RSA.pkcs1_padding)  # expect: DSP052
