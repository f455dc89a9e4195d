import hashlib
import hmac

def file_checksum(path):
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()

etag = hashlib.md5(response_body).hexdigest()
cache_key = "page:" + hashlib.md5(url.encode()).hexdigest()
digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
gravatar = hashlib.md5(email.strip().lower().encode()).hexdigest()
signature = hmac.new(secret_key, message, hashlib.sha256).hexdigest()
