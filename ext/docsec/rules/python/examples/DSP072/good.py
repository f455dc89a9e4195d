import hmac
import ipaddress

from flask import request


@limiter.request_filter
def internal_network():
    return ipaddress.ip_address(request.remote_addr) in INTERNAL_NETWORK


def wants_json(request):
    return request.headers.get("Accept") == "application/json"


def render_page(request):
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return partial()
    return page()


def is_internal(request):
    return request.META.get("REMOTE_USER") == "monitor"
