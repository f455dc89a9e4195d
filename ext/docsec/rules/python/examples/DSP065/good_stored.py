from html import escape

from klein import route

name = "world"


@route("/", methods=["POST"])
def set_name(request):
    global name
    name = request.args.get(b"name", [b"world"])[0].decode()
    return "saved"


@route("/")
def hello(request):
    return "<h1>Hello, %s!</h1>" % escape(name)


@route("/plain")
def plain(request):
    greeting = "world"
    return "<p>Hello, %s</p>" % greeting
