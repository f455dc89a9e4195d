from http.server import HTTPServer, SimpleHTTPRequestHandler
import socket

httpd = HTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler)  # expect: DSP014

sock = socket.socket()
sock.bind(("", 9000))  # expect: DSP014

app.run(host="0.0.0.0", port=5000)  # expect: DSP014

HOST = "::"
uvicorn.run("main:app", host=HOST, port=8000)  # expect: DSP014

address = ("0.0.0.0", 8080)
server = socketserver.TCPServer(address, Handler)  # expect: DSP014
bind = "0.0.0.0:8000"  # expect: DSP014
