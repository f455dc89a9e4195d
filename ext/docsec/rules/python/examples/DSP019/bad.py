import os
import jwt
import hmac
import psycopg2
from flask import Flask

app = Flask(__name__)
app.secret_key = b'_5#y2L"F4Q8z\n\xec]/'  # expect: DSP019
app.config["SECRET_KEY"] = "8f42a73054b1749f8f58848be5e6502c"  # expect: DSP019
os.environ["OPENWEATHER_API_KEY"] = "b6907d289e10d714a6e88b30761fae22"  # expect: DSP019

conn = psycopg2.connect(host="db.internal", dbname="shop", user="shop", password="Wint3r-2024!")  # expect: DSP019
token = jwt.encode({"sub": user.id}, "kj8#Lq2!vN0p", algorithm="HS256")  # expect: DSP019
signature = hmac.new(b"a9f2c4e1-shared-webhook-key", body, "sha256").hexdigest()  # expect: DSP019
client.auth.ldap.configure(url="ldaps://ldap.example.com", bind_pass="ourverygoodadminpassword")  # expect: DSP019
