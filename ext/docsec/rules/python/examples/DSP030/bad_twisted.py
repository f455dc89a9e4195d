from twisted.internet import ssl
from twisted.internet.ssl import TLSVersion

options = ssl.CertificateOptions(
    insecurelyLowerMinimumTo=TLSVersion.TLSv1_0,  # expect: DSP030
    lowerMaximumSecurityTo=TLSVersion.TLSv1_2,
)
