import hashlib

def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()  # expect: DSP016

api_token_digest = hashlib.sha1(api_token.encode("utf-8")).hexdigest()  # expect: DSP016
stored = hashlib.new("md5", (salt + password).encode()).hexdigest()  # expect: DSP016
signature = hashlib.md5(secret_key + message).hexdigest()  # expect: DSP016

h = hashlib.sha1()
h.update(request.form["password"].encode())  # expect: DSP016
