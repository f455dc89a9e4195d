from html import escape

from webob import Request, Response


class Hello:
    def __init__(self, req):
        self.request = req

    def post(self):
        return "Hello %s!" % escape(self.request.params["name"])


class Cache:
    def get(self, key):
        return "value of %s" % key
