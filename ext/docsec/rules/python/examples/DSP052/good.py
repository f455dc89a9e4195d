import os

from Crypto.Cipher import AES, ChaCha20_Poly1305
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

nonce = os.urandom(12)
sealed = AESGCM(secret_key).encrypt(nonce, record, associated_data)

box = AES.new(secret_key, AES.MODE_GCM)
ciphertext, tag = box.encrypt_and_digest(record)

iv = os.urandom(16)
encryptor = Cipher(algorithms.AES(secret_key), modes.CBC(iv)).encryptor()
chacha = ChaCha20_Poly1305.new(key=secret_key)
token = Fernet(fernet_key).encrypt(record)

counted = AES.new(key, AES.MODE_CTR, nonce=b"", initial_value=counter)
