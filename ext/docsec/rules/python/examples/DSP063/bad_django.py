from django.contrib.auth import login
from django.http import HttpResponseRedirect
from django.shortcuts import redirect


def login_view(request):
    user = authenticate(request, **request.POST.dict())
    login(request, user)
    return HttpResponseRedirect(request.GET["next"])  # expect: DSP063


def language_view(request):
    activate(request.POST["language"])
    return redirect(request.META.get("HTTP_REFERER", "/"))  # expect: DSP063
