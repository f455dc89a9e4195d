from klein import route


@controller
def hello(req):
    if req.method == "POST":
        return "Hello %s!" % req.params["name"]  # expect: DSP065
    return "<form method='POST'><input name='name'></form>"


@route("/greet")
def greet(request):
    return b"Hello, %s!" % request.args.get(b"name", [b"world"])[0]  # expect: DSP065
