from random import randint, choice
import numpy as np
import uuid

code = ""
for _ in range(6):
    code += str(randint(0, 9))  # expect: DSP018
user.verification_code = code

def make_token():
    chars = []
    for _ in range(24):
        chars.append(choice("abcdef0123456789"))  # expect: DSP018
    return "".join(chars)

nonce = np.random.bytes(12)  # expect: DSP018
invite_link = f"https://example.com/invite/{uuid.uuid1()}"  # expect: DSP018
