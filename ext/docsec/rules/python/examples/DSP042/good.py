try:
    os.remove(lock_file)
except FileNotFoundError:
    pass

try:
    verify_signature(payload, signature)
except InvalidSignature:
    logger.warning("bad signature")
    raise

try:
    import ujson as json
except ImportError:
    import json
