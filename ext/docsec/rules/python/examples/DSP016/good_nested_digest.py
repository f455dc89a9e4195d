from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

signature = private_key.sign(document, ec.ECDSA(hashes.SHA256()))
