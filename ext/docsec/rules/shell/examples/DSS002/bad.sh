chmod o+w /opt/app/config.yaml  # expect: DSS002
chmod ugo+w shared.log  # expect: DSS002
chmod 0777 /srv/data && echo done  # expect: DSS002
mkdir -p -m 777 /data/cache  # expect: DSS002
chmod u+x,o+w deploy.sh  # expect: DSS002
