import hashlib
import os

UPLOAD_DIR = "/srv/uploads"


def read(path):
    with open(path) as handle:  # a helper opening the file it is given: the caller chose the folder
        return handle.read()


def delete_upload(filename):
    os.remove(os.path.join(UPLOAD_DIR, os.path.basename(filename)))


def cached(key):
    return open(os.path.join(UPLOAD_DIR, hashlib.sha256(key).hexdigest()))


def export(year: int):
    return open(f"exports/{year}.csv")
