from celery import Celery
from elasticsearch import Elasticsearch

app = Celery("tasks", broker=f"amqps://worker:{RABBIT_PASSWORD}@rabbit.example.com:5671//")
local = Celery("tasks", broker="amqp://guest:guest@localhost:5672//")
es = Elasticsearch("https://es.example.com:9200", basic_auth=("elastic", ES_PASSWORD))
CACHE_URL = f"rediss://:{REDIS_PASSWORD}@cache.example.com:6380/0"
TEMPLATE = "redis://:password@hostname:port/db_number"
anonymous = "ftp://ftp.example.com/pub/release.tar.gz"

request_token_url = "https://www.tumblr.com/oauth/request_token"
callback_url = "http://localhost:5000/login/callback"
help_link = {"href": "http://docs.example.com/auth"}
