import hmac

from flask import request


@limiter.request_filter
def from_our_gateway():
    given = request.headers.get("X-Gateway-Token", "")
    return hmac.compare_digest(given, GATEWAY_TOKEN)
