from passlib.context import CryptContext
from passlib.hash import argon2

pwd_context = CryptContext(schemes=["argon2", "bcrypt", "md5_crypt"], deprecated="auto")
stored = argon2.hash(password)
