import hashlib

import bcrypt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

stored = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)  # expect: DSP017
kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=5000)  # expect: DSP017
hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4))  # expect: DSP017
key = hashlib.scrypt(password.encode(), salt=salt, n=2**10, r=8, p=1)  # expect: DSP017
