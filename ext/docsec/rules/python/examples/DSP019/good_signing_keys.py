import os

from itsdangerous import URLSafeTimedSerializer
from starlette.middleware.sessions import SessionMiddleware

app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])
serializer = URLSafeTimedSerializer("<your secret key>")
app.secret_key = "dev"
token = jwt.encode({"some": "payload"}, "secret", algorithm="HS256")
cookies = CookieSessionStorage(secret="changeme")
