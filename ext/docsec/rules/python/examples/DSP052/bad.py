from Crypto.Cipher import AES, ARC4, DES3
from Crypto.Util.Padding import pad
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

box = AES.new(secret_key, AES.MODE_ECB)  # expect: DSP052
sealed = box.encrypt(pad(record, AES.block_size))

legacy = DES3.new(triple_key, DES3.MODE_CBC, iv=iv)  # expect: DSP052
stream = ARC4.new(session_key)  # expect: DSP052

ZERO_IV = b"\x00" * 16
cbc = AES.new(secret_key, AES.MODE_CBC, iv=ZERO_IV)  # expect: DSP052
ctr = AES.new(secret_key, mode=AES.MODE_CTR, nonce=b"fixed-n1")  # expect: DSP052

encryptor = Cipher(algorithms.AES(secret_key), modes.ECB()).encryptor()  # expect: DSP052
old_school = Cipher(algorithms.TripleDES(triple_key), modes.CBC(iv)).encryptor()  # expect: DSP052
gcm = Cipher(algorithms.AES(secret_key), modes.GCM(bytes(12))).encryptor()  # expect: DSP052
