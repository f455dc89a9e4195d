gunicorn app:app --bind 0.0.0.0:8000 --forwarded-allow-ips='10.0.0.5,10.0.0.6'
uvicorn app:app --proxy-headers
