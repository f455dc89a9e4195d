import requests
from flask import Flask, abort, request
from urllib.parse import urlsplit

app = Flask(__name__)
ALLOWED_HOSTS = {"api.example.com", "images.example.com"}


@app.get("/preview")
def preview():
    url = urlsplit(request.args["url"])
    if url.scheme != "https" or url.hostname not in ALLOWED_HOSTS:
        abort(400)
    return requests.get(url.geturl(), timeout=5, allow_redirects=False).text
