import pymysql
import redis
import websocket

cache = redis.Redis(host="cache.example.com", port=6380, ssl=True, ssl_cert_reqs="required",
                    ssl_ca_certs="/etc/redis/ca.pem")
db = pymysql.connect(host="db.example.com", user="app", password=PASSWORD,
                     ssl={"ca": "/etc/mysql/ca.pem", "check_hostname": True})
ws = websocket.WebSocket(sslopt={"ca_certs": "/etc/ssl/certs/ca.pem"})
