import xmlrpc.client

from celery import Celery
from elasticsearch import Elasticsearch
from ldap3 import Connection

app = Celery("tasks", broker="amqp://worker:Wq8r3Tz@rabbit.example.com:5672//")  # expect: DSP066, DSP019
es = Elasticsearch("http://es.example.com:9200", basic_auth=("elastic", ES_PASSWORD))  # expect: DSP066
supervisor = xmlrpc.client.ServerProxy("http://admin:" + PASSWORD + "@supervisor.example.com:9001/RPC2")  # expect: DSP066
CACHE_URL = f"redis://:{REDIS_PASSWORD}@cache.example.com:6379/0"  # expect: DSP066
conn = Connection("ldap://cn=admin,dc=example,dc=com:Adm1n@ldap.example.com")  # expect: DSP066

request_token_url = "http://www.tumblr.com/oauth/request_token"  # expect: DSP066
session = OAuth2Session(CLIENT_ID)
token = session.fetch_token("http://sso.example.com/oauth/token", client_secret=CLIENT_SECRET)  # expect: DSP066
