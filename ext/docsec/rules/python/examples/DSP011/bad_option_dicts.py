import pymysql
import redis
import websocket

cache = redis.Redis(host="cache.example.com", port=6380, ssl=True, ssl_cert_reqs=None)  # expect: DSP011
db = pymysql.connect(host="db.example.com", user="app", password=PASSWORD,
                     ssl={"ca": "/etc/mysql/ca.pem", "check_hostname": False})  # expect: DSP011
ws = websocket.WebSocket(sslopt={"check_hostname": False})  # expect: DSP011
