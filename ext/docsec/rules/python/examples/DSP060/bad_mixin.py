from braces.views import CsrfExemptMixin, LoginRequiredMixin
from django.views.generic import UpdateView, View


class ProfileUpdate(CsrfExemptMixin, LoginRequiredMixin, UpdateView):  # expect: DSP060
    model = Profile
    fields = ["email", "display_name"]


class PlaceOrder(CsrfExemptMixin, View):  # expect: DSP060
    def post(self, request):
        place_order(request.user, request.POST)
        return redirect("orders")
