from twisted.internet import ssl
from twisted.internet.ssl import TLSVersion

options = ssl.CertificateOptions(raiseMinimumTo=TLSVersion.TLSv1_2)
