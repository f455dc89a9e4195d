from http.server import HTTPServer, SimpleHTTPRequestHandler


def run(server_class=HTTPServer, handler_class=SimpleHTTPRequestHandler, port=8000):
    httpd = server_class(("127.0.0.1", port), handler_class)
    httpd.serve_forever()
