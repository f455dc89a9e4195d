import os

import requests
from keystoneauth1.identity import v3

requests.get("https://api.example.com/reports", auth=("analyst", os.environ["API_PASSWORD"]), timeout=10)
requests.get("http://localhost:8000/health", timeout=10)
requests.get("http://127.0.0.1:5000/api", auth=("dev", os.environ["DEV_PASSWORD"]), timeout=10)
auth = v3.Password(auth_url="https://keystone.example.com:5000/v3", username="admin", password=os.environ["OS_PASSWORD"])
requests.get("http://example.com/public.csv", timeout=10)
storage_options = {
    "key": os.environ["S3_KEY"],
    "secret": os.environ["S3_SECRET"],
    "client_kwargs": {"endpoint_url": "https://minio.example.com:9000"},
}
