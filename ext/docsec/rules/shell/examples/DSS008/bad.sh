DB_PASSWORD=hunter2x9 ./manage.sh migrate  # expect: DSS008
export SLACK_SIGNING_SECRET="8f14e45fceea167a5a36dedd4bea2543"  # expect: DSS008
curl -H "Authorization: Bearer 5c1e8f0a9b7d4c3e2f1a0b9c8d7e6f5a" https://api.example.com/me  # expect: DSS008
psql --password=Pg4dm1n2024 -h db.example.com  # expect: DSS008
export FLASK_SECRET_KEY=supersekrit  # expect: DSS008
voila --token=my-secret-token notebook.ipynb  # expect: DSS008
http -a admin:s3cr3t GET https://kinto.example.com/v1/buckets  # expect: DSS008
htpasswd -b -c /etc/nginx/.htpasswd admin S3cur3P4ss  # expect: DSS008
mosquitto_passwd -b /etc/mosquitto/passwd sensor T3mp3ratur3  # expect: DSS008
rabbitmqctl add_user app Qw7eRt9yUi  # expect: DSS008
ldapsearch -x -D "cn=admin,dc=example,dc=org" -w Adm1nLdap -b "dc=example,dc=org"  # expect: DSS008
openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:Exp0rtPw  # expect: DSS008
keytool -importkeystore -srckeystore bundle.p12 -destkeystore app.jks -deststorepass Ch4ng3dPw  # expect: DSS008
7z a -pArch1vePw backup.7z data/  # expect: DSS008
sqlcmd -S db.example.com -U sa -P Sq1Serv3rPw -Q "SELECT 1"  # expect: DSS008
