from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt  # expect: DSP060
@require_POST
def update_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return HttpResponse("ok")


@csrf_exempt  # expect: DSP060
def delete_post(request, pk):
    if request.method == "POST":
        Post.objects.filter(pk=pk, author=request.user).delete()
    return JsonResponse({"deleted": pk})


@method_decorator(csrf_exempt, name="dispatch")  # expect: DSP060
class CartView(View):
    def get(self, request):
        return JsonResponse(request.session.get("cart", {}))

    def post(self, request):
        request.session["cart"] = json.loads(request.body)
        return JsonResponse({"ok": True})
