from M2Crypto import SSL, httpslib

ctx = SSL.Context()
ctx.set_verify(SSL.verify_none, depth=9)  # expect: DSP011
conn = httpslib.HTTPSConnection("www.example.com", ssl_context=ctx)
conn.request("GET", "/")
