import os

import requests


def fetch(url, verify=False):
    return requests.get(url, verify=verify, timeout=10)  # expect: DSP010


session = requests.Session()
response = session.get("https://internal.example.com/api", verify=os.getenv("CA_BUNDLE", False))  # expect: DSP010
