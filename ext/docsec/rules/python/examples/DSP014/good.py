from http.server import HTTPServer, SimpleHTTPRequestHandler
import socket

httpd = HTTPServer(("127.0.0.1", 8000), SimpleHTTPRequestHandler)
sock = socket.socket()
sock.bind(("localhost", 9000))
app.run(host="127.0.0.1", debug=False)
uvicorn.run("main:app", host=settings.HOST, port=8000)
conn = socket.create_connection(("0.0.0.0", 80))
requests.get("http://0.0.0.0:8000/", timeout=10)
message = "listening on 0.0.0.0 is dangerous"
