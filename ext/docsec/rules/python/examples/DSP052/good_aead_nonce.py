import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

aesgcm = AESGCM(key)
nonce = os.urandom(12)
token = nonce + aesgcm.encrypt(nonce, b"account=42", None)
plain = aesgcm.decrypt(token[:12], token[12:], None)
