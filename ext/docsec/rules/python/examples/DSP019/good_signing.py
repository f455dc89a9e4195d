from django.conf import settings
from django.core import signing

signer = signing.Signer()
stamp = signing.TimestampSigner(key=settings.SIGNING_KEY)
value = signer.sign("hello")
