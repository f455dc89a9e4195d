from passlib.hash import ldap_salted_md5, md5_crypt

stored = ldap_salted_md5.using(salt_size=16).hash(password)  # expect: DSP017
legacy = md5_crypt.using(salt_size=8).hash(password)  # expect: DSP017
