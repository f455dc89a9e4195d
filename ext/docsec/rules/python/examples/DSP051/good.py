import os

import jwt
from jwt import PyJWKClient

jwks = PyJWKClient("https://login.example.com/.well-known/jwks.json")


def verify(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    signing_key = jwks.get_signing_key(header["kid"])
    return jwt.decode(token, signing_key.key, algorithms=["RS256"], audience="api://orders")


session = jwt.decode(cookie, os.environ["SESSION_KEY"], algorithms=["HS256"], options={"require": ["exp"]})
