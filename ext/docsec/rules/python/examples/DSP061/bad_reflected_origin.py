from flask import Flask, request

app = Flask(__name__)


@app.after_request
def add_cors_headers(response):
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")  # expect: DSP061
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def django_view(request):
    response = JsonResponse({"ok": True})
    response["Access-Control-Allow-Origin"] = request.META.get("HTTP_ORIGIN")  # expect: DSP061
    response["Access-Control-Allow-Credentials"] = "true"
    return response


class ApiHandler(RequestHandler):
    def set_default_headers(self):
        self.set_header("Access-Control-Allow-Origin", self.request.headers.get("Origin"))  # expect: DSP061
        self.set_header("Access-Control-Allow-Credentials", "true")
