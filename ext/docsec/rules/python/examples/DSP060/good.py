import hmac
import json

import stripe
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@require_POST
def update_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return HttpResponse("ok")


@csrf_exempt
@require_POST
def github_webhook(request):
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, request.body, "sha256").hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature-256", "")):
        return HttpResponseForbidden()
    handle_event(json.loads(request.body))
    return HttpResponse(status=204)


@csrf_exempt
def stripe_webhook(request):
    event = stripe.Webhook.construct_event(request.body, request.headers["Stripe-Signature"], ENDPOINT_SECRET)
    handle(event)
    return HttpResponse(status=200)


@csrf_exempt
def my_view(request):
    return HttpResponse("Hello world")
