import requests

data = requests.get("https://api.example.com/items", timeout=10).json()
requests.post("https://api.example.com/items", json={"name": "x"}, timeout=(3.05, 27))
response = requests.get(url, **request_options)
