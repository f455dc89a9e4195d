from http.server import BaseHTTPRequestHandler, HTTPServer

from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


class CallbackServer(HTTPServer):
    token = None


httpd = CallbackServer(("127.0.0.1", 8250), BaseHTTPRequestHandler)
ftp = FTPServer(("127.0.0.1", 2121), FTPHandler)
