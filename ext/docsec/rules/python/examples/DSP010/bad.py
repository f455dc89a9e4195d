import requests
import httpx
import aiohttp

resp = requests.get("https://internal.example.com/api", verify=False, timeout=10)  # expect: DSP010

session = requests.Session()
session.verify = False  # expect: DSP010
session.post(url, json=payload, verify=False, timeout=5)  # expect: DSP010

client = httpx.Client(verify=False)  # expect: DSP010

async def fetch(url):
    connector = aiohttp.TCPConnector(ssl=False)  # expect: DSP010
    async with aiohttp.ClientSession(connector=connector) as s:
        async with s.get(url, ssl=False) as r:  # expect: DSP010
            return await r.text()

http = urllib3.PoolManager(cert_reqs="CERT_NONE")  # expect: DSP010
es = Elasticsearch("https://localhost:9200", verify_certs=False)  # expect: DSP010
