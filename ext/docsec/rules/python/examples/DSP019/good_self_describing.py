# Stand-ins that say what they stand for: a password word with words that describe it, a name glued
# to a password word, bare words and placeholders.
import os

import redis
from django.test import Client

cluster = redis.RedisCluster(host="localhost", port=30001, password="password-for-30001")
fallback = redis.Redis(password="fallback-password")
client = Client()
client.login(username="john", password="johnpassword")
client.login(username="myuser", password="myuser")
settings = {"PASSWORD": "password", "SECRET_KEY": "secret"}
SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
