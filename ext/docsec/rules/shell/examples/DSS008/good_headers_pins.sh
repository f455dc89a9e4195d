curl -H "X-Auth-Token: $OS_TOKEN" https://api.example.com/v1/items
curl -H "Content-Type: application/json" https://api.example.com/v1/items
http GET https://vault.example.com/v1/secret/app "X-Vault-Token:$(cat ~/.vault-token)"
pkcs11-tool --module opensc-pkcs11.so --login --list-objects
sc-hsm-tool --initialize --so-pin "$SO_PIN" --pin "$USER_PIN"
ping -c 3 example.com
