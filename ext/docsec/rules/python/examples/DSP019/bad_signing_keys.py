from itsdangerous import URLSafeTimedSerializer
from starlette.middleware.sessions import SessionMiddleware

app.add_middleware(SessionMiddleware, secret_key="super-secret-session")  # expect: DSP019
serializer = URLSafeTimedSerializer("my-secret-key")  # expect: DSP019
app.secret_key = "supersekrit"  # expect: DSP019
cookies = CookieSessionStorage(secret="not-so-secret")  # expect: DSP019
