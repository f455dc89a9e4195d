from hashlib import md5 as MD5
from Crypto.Hash import SHA1

user.password_hash = MD5(raw_password.encode()).hexdigest()  # expect: DSP016
digest = SHA1.new(data=token.encode())  # expect: DSP016
