read -rs DB_PASSWORD && export DB_PASSWORD
export GITHUB_TOKEN=${GITHUB_TOKEN:?set it first}
kubectl create secret generic db --from-literal=password="$DB_PASSWORD"
export PASSWORD_MIN_LENGTH=12
export REDIS_PASSWORD=password-for-6379
helm install cache bitnami/redis --set auth.existingSecret=redis-credentials
http -a admin GET https://kinto.example.com/v1/buckets
htpasswd -c /etc/nginx/.htpasswd admin
htpasswd -B -c /etc/nginx/.htpasswd admin
mosquitto_passwd -c /etc/mosquitto/passwd sensor
rabbitmqctl add_user app "$RABBIT_PASSWORD"
ldapsearch -x -D "cn=admin,dc=example,dc=org" -W -b "dc=example,dc=org"
openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout env:EXPORT_PASSWORD
openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout file:export-password.txt
7z a -p backup.7z data/
vault login -method=github
zip -r backup.zip data/
