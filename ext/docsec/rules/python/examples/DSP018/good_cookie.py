import random
import secrets

from flask import make_response


def login():
    value = secrets.token_urlsafe(32)
    response = make_response("welcome")
    response.set_cookie("session", value)
    theme = random.choice(["light", "dark"])
    response.set_cookie("theme", theme, secure=True)  # a preference: nothing to guess
    return response
