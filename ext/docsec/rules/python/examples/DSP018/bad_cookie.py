import random
import string

from flask import make_response


def login():
    value = "".join(random.choices(string.ascii_letters, k=32))  # expect: DSP018
    response = make_response("welcome")
    response.set_cookie("session", value)
    return response
