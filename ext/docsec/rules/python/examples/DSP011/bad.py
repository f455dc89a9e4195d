import ssl
import socket
import urllib.request

context = ssl._create_unverified_context()  # expect: DSP011
urllib.request.urlopen("https://self-signed.local", context=context)

ssl._create_default_https_context = ssl._create_unverified_context  # expect: DSP011

ctx = ssl.create_default_context()
ctx.check_hostname = False  # expect: DSP011
ctx.verify_mode = ssl.CERT_NONE  # expect: DSP011

sock = ssl.wrap_socket(socket.socket())  # expect: DSP011
tls = ssl.wrap_socket(raw, cert_reqs=ssl.CERT_NONE)  # expect: DSP011
