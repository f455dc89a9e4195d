import hashlib
import os

salt = os.urandom(16)
password_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
file_id = hashlib.sha1(chunk).hexdigest()
