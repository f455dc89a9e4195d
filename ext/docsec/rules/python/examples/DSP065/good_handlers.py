import html

from klein import route


@controller
def hello(req):
    if req.method == "POST":
        return "Hello %s!" % html.escape(req.params["name"])
    return "<form method='POST'><input name='name'></form>"


def helper(request):
    return "Hello %s" % request.params["name"]  # not a handler: what it returns is not the response
