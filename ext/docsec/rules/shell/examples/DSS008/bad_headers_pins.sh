curl -H "X-Auth-Token: 4f9c2a1b8e7d6c5b4a3f2e1d0c9b8a7f" https://api.example.com/v1/items  # expect: DSS008
http GET https://vault.example.com/v1/secret/app X-Vault-Token:hvs.CAESIJ8kq3Lm9Zp2Rk7Wt5oXq3Lm  # expect: DSS008
pkcs11-tool --module opensc-pkcs11.so --login --pin 648219 --list-objects  # expect: DSS008
sc-hsm-tool --initialize --so-pin 3537363231383830 --pin 648219  # expect: DSS008
