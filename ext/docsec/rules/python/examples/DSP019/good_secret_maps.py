import os

from passlib.totp import TOTP
from pyftpdlib.authorizers import DummyAuthorizer

TotpFactory = TOTP.using(secrets={"1": os.environ["TOTP_SECRET"]}, issuer="myapp.example.org")
authorizer = DummyAuthorizer()
authorizer.add_user("deploy", os.environ["FTP_PASSWORD"], "/srv/ftp", perm="elr")
headers = {"Accept": "application/json"}
