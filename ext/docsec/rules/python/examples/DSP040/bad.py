import requests

data = requests.get("https://api.example.com/items").json()  # expect: DSP040
requests.post("https://api.example.com/items", json={"name": "x"})  # expect: DSP040
session = requests.Session()
page = requests.Session().get("https://example.com")  # expect: DSP040
