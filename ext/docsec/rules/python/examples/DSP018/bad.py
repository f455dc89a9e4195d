import random
import string

def generate_password(length=12):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # expect: DSP018

reset_token = "".join(random.choices(string.ascii_letters + string.digits, k=32))  # expect: DSP018
otp = random.randint(100000, 999999)  # expect: DSP018
session["csrf_token"] = str(random.getrandbits(128))  # expect: DSP018
api_key = "%032x" % random.getrandbits(128)  # expect: DSP018
