import json
import os
import socket
from multiprocessing.connection import Client, Listener

key = os.environb[b"JOB_AUTHKEY"]
with Listener(("127.0.0.1", 6000), authkey=key) as listener:
    with listener.accept() as conn:
        job = conn.recv()
worker = Client(("127.0.0.1", 6000), authkey=key)
reply = json.loads(worker.recv_bytes())
sock = socket.create_connection(("example.com", 80))
data = sock.recv(4096)
