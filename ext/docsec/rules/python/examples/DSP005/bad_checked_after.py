import hashlib
import hmac
import pickle


def receive(socket, key):
    digest, payload = socket.recv_multipart()
    data = pickle.loads(payload)  # expect: DSP005
    if not hmac.compare_digest(digest, hmac.new(key, payload, hashlib.sha256).digest()):
        raise ValueError("signature mismatch")
    return data
