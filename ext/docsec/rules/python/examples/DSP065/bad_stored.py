from klein import route, run

name = "world"


@route("/", methods=["POST"])
def set_name(request):
    global name
    name = request.args.get(b"name", [b"world"])[0].decode()
    return "saved"


@route("/")
def hello(request):
    return "<h1>Hello, %s!</h1>" % name  # expect: DSP065
