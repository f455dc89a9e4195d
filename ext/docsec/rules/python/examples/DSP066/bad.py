import os

import requests
from keystoneauth1.identity import v3

requests.get("http://api.example.com/reports", auth=("analyst", os.environ["API_PASSWORD"]), timeout=10)  # expect: DSP066
requests.post("http://hooks.example.com/notify", headers={"Authorization": f"Bearer {token}"}, timeout=10)  # expect: DSP066
auth = v3.Password(auth_url="http://keystone.example.com:5000/v3", username="admin", password=os.environ["OS_PASSWORD"])  # expect: DSP066
import dask.dataframe as dd

storage_options = {  # expect: DSP066
    "key": os.environ["S3_KEY"],
    "secret": os.environ["S3_SECRET"],
    "client_kwargs": {"endpoint_url": "http://minio.example.com:9000"},
}
df = dd.read_csv("s3://bucket/data.csv", storage_options=storage_options)
