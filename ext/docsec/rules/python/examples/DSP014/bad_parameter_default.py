from http.server import HTTPServer, SimpleHTTPRequestHandler


def run(server_class=HTTPServer, handler_class=SimpleHTTPRequestHandler, port=8000):
    httpd = server_class(("", port), handler_class)  # expect: DSP014
    httpd.serve_forever()
