import fsspec
import jwt
import motor.motor_asyncio
import redis
import ssl

fs = fsspec.filesystem("https", client_kwargs={"verify_ssl": True})
mongo = motor.motor_asyncio.AsyncIOMotorClient("mongodb://db.example.com", tlsCAFile="/etc/ssl/ca.pem")
cache = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs=ssl.CERT_REQUIRED)
claims = jwt.decode(token, key, algorithms=["HS256"], options={"verify": True})
