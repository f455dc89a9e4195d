import hashlib

def hash_password(password, salt):
    return hashlib.sha256((salt + password).encode()).hexdigest()  # expect: DSP017

user.password = hashlib.sha512(form.password.data.encode()).hexdigest()  # expect: DSP017
hashed_pw = hashlib.new("sha256", pw.encode()).hexdigest()  # expect: DSP017
password_hash = hashlib.blake2b(raw.encode(), salt=salt).hexdigest()  # expect: DSP017

h = hashlib.sha256()
h.update(password.encode())  # expect: DSP017
