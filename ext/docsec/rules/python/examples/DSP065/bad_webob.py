from webob import Request, Response


class WikiApp:
    def __call__(self, environ, start_response):
        req = Request(environ)
        resp = Response("Hello %s!" % req.params.get("name", "World"))  # expect: DSP065
        return resp(environ, start_response)


class Controller:
    def post(self, req):
        resp = Response()
        resp.text = "Saved %s" % req.POST["title"]  # expect: DSP065
        return resp
