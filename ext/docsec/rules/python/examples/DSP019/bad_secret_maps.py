from passlib.totp import TOTP
from pyftpdlib.authorizers import DummyAuthorizer

TotpFactory = TOTP.using(secrets={"1": "pO7SwEFcUPvIDeAJr7INBj0TjsSZJr1d2ddsFL9r5eq"}, issuer="myapp.example.org")  # expect: DSP019
authorizer = DummyAuthorizer()
authorizer.add_user("deploy", "h4ppy-d3ploys", "/srv/ftp", perm="elradfmwMT")  # expect: DSP019
