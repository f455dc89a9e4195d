# inside the webhook handler
expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
assert hmac.compare_digest(expected, request.headers["X-Signature"])  # expect: DSP028
assert "admin" in user.roles  # expect: DSP028
process(request.json)
