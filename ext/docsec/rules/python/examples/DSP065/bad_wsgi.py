from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

import cherrypy


def application(environ, start_response):
    fields = parse_qs(environ["QUERY_STRING"])
    name = fields.get("name", [""])[0]
    start_response("200 OK", [("Content-Type", "text/html")])
    return [("<h1>Hello %s</h1>" % name).encode()]  # expect: DSP065


class Greeter(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        self.send_response(200)
        self.send_header("Content-type", "text/html")
        self.end_headers()
        self.wfile.write(("<p>%s</p>" % query["msg"][0]).encode())  # expect: DSP065


class Root:
    @cherrypy.expose
    def index(self, name=""):
        return "<h1>Hello %s</h1>" % name  # expect: DSP065
