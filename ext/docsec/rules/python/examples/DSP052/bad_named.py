import pkcs11
from M2Crypto import EVP
from pkcs11 import KeyType, Mechanism

cipher = EVP.Cipher(alg="des_ede3_cbc", key=key, iv=iv, op=1)  # expect: DSP052
secret_key = session.generate_key(KeyType.DES3)  # expect: DSP052
ciphertext = secret_key.encrypt(data, mechanism=Mechanism.DES3_CBC_PAD)  # expect: DSP052
