import pkcs11
from M2Crypto import EVP
from pkcs11 import KeyType, Mechanism

cipher = EVP.Cipher(alg="aes_256_cbc", key=key, iv=iv, op=1)
secret_key = session.generate_key(KeyType.AES, 256)
plaintext = legacy_key.decrypt(old_ciphertext, mechanism=Mechanism.DES3_CBC_PAD)
print("describes the modes and codes")
