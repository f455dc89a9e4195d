from Crypto.PublicKey import RSA
from ssl import PROTOCOL_TLSv1_1

KEY_BITS = 1024
private = RSA.generate(KEY_BITS)  # expect: DSP030
sock = ssl.wrap_socket(raw, ssl_version=PROTOCOL_TLSv1_1, cert_reqs=ssl.CERT_REQUIRED, ca_certs="ca.pem")  # expect: DSP030
(pub, priv) = rsa.newkeys(512)  # expect: DSP030
conn = pymysql.connect(host="db", ssl={"ca": "ca.pem"}, ssl_version="TLSv1")  # expect: DSP030
