# Literals a writer made up that still work as written: the labelling standard's own examples and shapes
# real documentation uses.  Each is a credential anyone who copies the page now shares.
import os

import pg8000
import requests
from flask import Flask

app = Flask(__name__)
conn = pg8000.connect(user="postgres", password="cpsnow")  # expect: DSP019
requests.get("https://api.example.org/items", auth=("admin", "pass1234"), timeout=10)  # expect: DSP019
app.config.update(SECRET_KEY="some-secret-key")  # expect: DSP019
app.secret_key = os.environ.get("FLASK_SECRET_KEY", "fallback-secret")  # expect: DSP019
API_TOKEN = os.getenv("API_TOKEN") or "my-secret-token"  # expect: DSP019
db_password = "super_secret_production_password_123"  # expect: DSP019
SESSION_SECRET = b"supersecretkey1"  # expect: DSP019
SECRET_KEY = os.environ.get("SECRET_KEY") or "you-will-never-guess"  # expect: DSP019
