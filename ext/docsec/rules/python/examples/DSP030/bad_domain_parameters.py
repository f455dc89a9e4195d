import pkcs11
from pkcs11 import KeyType

dsa_parameters = session.generate_domain_parameters(KeyType.DSA, 1024)  # expect: DSP030
dh_parameters = session.generate_domain_parameters(KeyType.DH, 512)  # expect: DSP030
