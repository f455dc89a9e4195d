from passlib.context import CryptContext
from passlib.hash import md5_crypt

pwd_context = CryptContext(schemes=["des_crypt", "md5_crypt"], deprecated="auto")  # expect: DSP017
legacy = CryptContext(schemes=["sha256_crypt", "ldap_salted_md5"], default="ldap_salted_md5")  # expect: DSP017
stored = md5_crypt.hash(password)  # expect: DSP017
weak = pwd_context.hash("correct horse", scheme="ldap_salted_md5")  # expect: DSP017
