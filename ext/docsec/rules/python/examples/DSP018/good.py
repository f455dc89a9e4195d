import random
import secrets
import string

deck = list(range(52))
random.shuffle(deck)
winner = random.choice(players)
random.seed(42)
train, test = train_test_split(data, random_state=random.randint(0, 1000))
dice = random.randint(1, 6)
reset_token = secrets.token_urlsafe(32)
otp = f"{secrets.randbelow(10**6):06d}"
rng = random.SystemRandom()
password = "".join(rng.choice(string.ascii_letters) for _ in range(16))
api_key = secrets.token_hex(32)
delay = random.uniform(0.5, 1.5)
