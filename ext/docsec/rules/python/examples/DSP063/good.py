from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def login_view(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    return redirect(target)
