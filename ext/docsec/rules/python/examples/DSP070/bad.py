from flask import Flask, request
from flask_limiter import Limiter

app = Flask(__name__)
limiter = Limiter(app, key_func=lambda: request.headers.get("X-Forwarded-For", request.remote_addr))  # expect: DSP070


def get_client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")  # expect: DSP070
    if forwarded:
        return forwarded.split(",")[0]
    return request.META.get("REMOTE_ADDR")


def visitor_address(request):
    return request.META.get("HTTP_X_REAL_IP") or request.META["REMOTE_ADDR"]  # expect: DSP070


@app.route("/admin")
def admin():
    client_ip = request.headers.get("X-Forwarded-For", "").split(",")[0].strip()  # expect: DSP070
    if client_ip not in ALLOWED_ADMIN_IPS:
        return "forbidden", 403
    return "welcome"


AXES_IPWARE_META_PRECEDENCE_ORDER = [
    "HTTP_X_FORWARDED_FOR",  # expect: DSP070
    "REMOTE_ADDR",
]
