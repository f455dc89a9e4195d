from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)


@app.route("/whoami")
def whoami():
    client_ip = request.headers.get("X-Forwarded-For") or request.remote_addr
    return client_ip
