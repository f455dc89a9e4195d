from cryptography.hazmat.primitives.asymmetric import dh
from twisted.internet import ssl
from twisted.python.filepath import FilePath

parameters = dh.generate_parameters(generator=2, key_size=2048)
dh_params = ssl.DiffieHellmanParameters.fromFile(FilePath("dh_param_2048.pem"))
context.load_dh_params("/etc/ssl/ffdhe3072.pem")
report = open("report-1024.csv")
