from passlib.hash import argon2, bcrypt

stored = argon2.using(rounds=4).hash(password)
legacy = bcrypt.using(rounds=13).hash(password)
