from flask import request
from flask_limiter import Limiter


@limiter.request_filter
def header_whitelist():
    return request.headers.get("X-Internal", "") == "true"  # expect: DSP072


def is_admin(request):
    return request.META.get("HTTP_X_ADMIN") == "1"  # expect: DSP072


@login_manager.request_loader
def load_user_from_request(request):
    username = request.headers.get("X-Remote-User")  # expect: DSP072
    return User.query.filter_by(username=username).first()
