import base64
import hashlib
import bcrypt
from argon2 import PasswordHasher
from werkzeug.security import generate_password_hash, check_password_hash

password_hash = PasswordHasher().hash(password)
hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
prehashed = bcrypt.hashpw(base64.b64encode(hashlib.sha256(password.encode()).digest()), bcrypt.gensalt())
derived = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 210_000)
pw_hash = generate_password_hash(password)
pw_hash = generate_password_hash(password, method="scrypt")
checksum = hashlib.sha256(file_bytes).hexdigest()
token_digest = hashlib.sha256(api_token.encode()).hexdigest()
