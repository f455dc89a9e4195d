import hashlib

import bcrypt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

stored = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
key = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
