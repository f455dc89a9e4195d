from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

NONCE = b"fixednonce12"
aesgcm = AESGCM(key)
token = aesgcm.encrypt(NONCE, b"account=42", None)  # expect: DSP052
sealed = ChaCha20Poly1305(key).encrypt(bytes(12), message, None)  # expect: DSP052
