from braces.views import CsrfExemptMixin, LoginRequiredMixin
from django.views.generic import UpdateView, View


class ProfileUpdate(LoginRequiredMixin, UpdateView):
    model = Profile
    fields = ["email", "display_name"]


class Health(CsrfExemptMixin, View):
    def get(self, request):
        return HttpResponse("ok")
