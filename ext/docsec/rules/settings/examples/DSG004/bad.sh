gunicorn app:app --bind 0.0.0.0:8000 --forwarded-allow-ips='*'  # expect: DSG004
uvicorn app:app --proxy-headers --forwarded-allow-ips '*'  # expect: DSG004
export FORWARDED_ALLOW_IPS="*"  # expect: DSG004
