from cryptography.hazmat.primitives.asymmetric import dh
from twisted.internet import ssl
from twisted.python.filepath import FilePath

parameters = dh.generate_parameters(generator=2, key_size=1024)  # expect: DSP030
dh_file = FilePath("dh_param_1024.pem")  # expect: DSP030
dh_params = ssl.DiffieHellmanParameters.fromFile(dh_file)
context.load_dh_params("/etc/ssl/dh512.pem")  # expect: DSP030
endpoint = "ssl:443:privateKey=key.pem:certKey=cert.pem:dhParameters=dh_param_1024.pem"  # expect: DSP030
