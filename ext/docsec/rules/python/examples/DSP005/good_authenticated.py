import hashlib
import hmac
import pickle
import zlib


def receive(socket, key):
    digest, compressed = socket.recv_multipart()
    expected = hmac.new(key, compressed, hashlib.sha256).digest()
    if not hmac.compare_digest(digest, expected):
        raise ValueError("signature mismatch")
    return pickle.loads(zlib.decompress(compressed))
