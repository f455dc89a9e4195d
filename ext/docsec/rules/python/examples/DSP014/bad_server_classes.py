from http.server import BaseHTTPRequestHandler, HTTPServer

from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


class CallbackServer(HTTPServer):
    token = None


server_address = ("", 8250)
httpd = CallbackServer(server_address, BaseHTTPRequestHandler)  # expect: DSP014
ftp = FTPServer(("", 2121), FTPHandler)  # expect: DSP014
