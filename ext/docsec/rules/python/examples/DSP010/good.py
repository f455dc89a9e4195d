import requests
import httpx
import ssl

resp = requests.get("https://internal.example.com/api", verify="/etc/ssl/certs/internal-ca.pem", timeout=10)
resp = requests.get("https://example.com", verify=True, timeout=10)
session = requests.Session()
session.verify = "/path/to/ca-bundle.crt"
client = httpx.Client(verify=certifi.where())
ctx = ssl.create_default_context(cafile="ca.pem")
connector = aiohttp.TCPConnector(ssl=ctx)
payload = jwt.decode(token, options={"verify_signature": True}, key=public_key, algorithms=["RS256"])
r = redis.Redis(host="cache", ssl=False)
