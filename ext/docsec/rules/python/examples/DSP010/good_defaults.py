import os

import requests


def fetch(url, verify=True):
    return requests.get(url, verify=verify, timeout=10)


response = requests.get("https://internal.example.com/api", verify=os.getenv("CA_BUNDLE", True), timeout=10)
