import os

from emmett.sessions import SessionManager
from flask import request

pipeline = [SessionManager.cookies(os.environ["SESSION_KEY"])]
token = request.cookies.get("session-token")
name = session.get("secret_key_name")
