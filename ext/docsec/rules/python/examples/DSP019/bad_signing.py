from django.core import signing

signer = signing.Signer(key="f3b9c1e2a7d84c6e9b0a5d7c3e1f2a4b")  # expect: DSP019
stamp = signing.TimestampSigner(key="Zq7#vP2m!Lx9Rt4w")  # expect: DSP019
value = signer.sign("hello")
