# Server configuration files (tornado, jupyterhub_config.py) with key bytes decoded from a literal
import base64
import binascii

c = get_config()  # noqa
c.JupyterHub.cookie_secret = bytes.fromhex("5c1e9b7a02f34d68a9e0b1c2d3f4a5b6c7d8e9f00112233445566778899aabbc")  # expect: DSP019
c.ConfigurableHTTPProxy.auth_token = "7d3b9e2f5a8c1d4e6f0a2b4c6d8e0f1a"  # expect: DSP019

settings = {
    "cookie_secret": "qM3v/7Zp0kR2wY9sT4uL6nB8xC1dE5fG",  # expect: DSP019
}
SIGNING_KEY = base64.b64decode("k9Jx2mWq7Rt4Yp8Lz1Nc5Vb3Hs6Dg0Fa")  # expect: DSP019
encryption_key = binascii.unhexlify("8899aabbccddeeff0011223344556677")  # expect: DSP019
