DB_PASSWORD=hunter2x9 ./manage.sh migrate  # expect: DSS008
export SLACK_SIGNING_SECRET="8f14e45fceea167a5a36dedd4bea2543"  # expect: DSS008
curl -H "Authorization: Bearer 5c1e8f0a9b7d4c3e2f1a0b9c8d7e6f5a" https://api.example.com/me  # expect: DSS008
psql --password=Pg4dm1n2024 -h db.example.com  # expect: DSS008
export FLASK_SECRET_KEY=supersekrit  # expect: DSS008
voila --token=my-secret-token notebook.ipynb  # expect: DSS008
http -a admin:s3cr3t GET https://kinto.example.com/v1/buckets  # expect: DSS008
