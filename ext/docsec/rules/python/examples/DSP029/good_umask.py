import os

old_mask = os.umask(0)
try:
    fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT, 0o600)
finally:
    os.umask(old_mask)
