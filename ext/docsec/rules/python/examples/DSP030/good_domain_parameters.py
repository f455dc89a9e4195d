import pkcs11
from pkcs11 import KeyType

dsa_parameters = session.generate_domain_parameters(KeyType.DSA, 2048)
dh_parameters = session.generate_domain_parameters(KeyType.DH, 3072)
EC_parameters = session.create_domain_parameters(KeyType.EC, {})
