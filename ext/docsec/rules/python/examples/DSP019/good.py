import os
import getpass
from django.core.management.utils import get_random_secret_key

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECRET_KEY = get_random_secret_key()
DB_PASSWORD = os.environ.get("DB_PASSWORD")
password = getpass.getpass("Password: ")
password = input("Enter password: ")
api_key = os.getenv("OPENAI_API_KEY")
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or "dev"
app.secret_key = secrets.token_hex()
TOKEN_URL = "https://oauth2.googleapis.com/token"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
password_field = "password"
ACCESS_TOKEN_EXPIRE_MINUTES = 30
token_type = "bearer"
ALGORITHM = "HS256"
