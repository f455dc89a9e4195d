import fsspec
import psycopg2
from fsspec.implementations.ftp import FTPFileSystem

fs = fsspec.filesystem("ftp", host="ftp.example.com", username="ingest", password=os.environ["FTP_PASSWORD"])  # expect: DSP026
archive = FTPFileSystem("ftp.example.com", username="ingest", password=os.environ["FTP_PASSWORD"])  # expect: DSP026
conn = psycopg2.connect(host="db.example.com", user="app", password=os.environ["PGPASSWORD"], sslmode="disable")  # expect: DSP026
from netmiko import ConnectHandler

switch = ConnectHandler(device_type="cisco_ios_telnet", host="10.0.0.1", username="admin", password=os.environ["PW"])  # expect: DSP026
import dask.dataframe as dd

df = dd.read_parquet("s3://bucket/data/", storage_options={"use_ssl": False})  # expect: DSP026
