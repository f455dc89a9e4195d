import requests
from flask import Flask, request

app = Flask(__name__)


@app.get("/preview")
def preview():
    return requests.get(request.args["url"], timeout=5).text  # expect: DSP064


@app.post("/webhook/test")
def test_webhook():
    target = request.get_json()["callback_url"]
    session = requests.Session()
    response = session.post(target, json={"ping": True}, timeout=5)  # expect: DSP064
    return {"status": response.status_code}
