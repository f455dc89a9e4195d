import random

tokens = text.split()
next_token = random.choice(tokens)
sentence = [random.choice(vocab) for _ in range(10)]
