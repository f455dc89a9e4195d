from flask import Flask, request


def get_client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR")


def log_request(request):
    logger.info("forwarded for %s", request.headers.get("X-Forwarded-For"))


AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
