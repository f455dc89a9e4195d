import fsspec
import psycopg2

fs = fsspec.filesystem("ftp", host="ftp.example.com", username="ingest", password=os.environ["FTP_PASSWORD"], tls=True)
public = fsspec.filesystem("ftp", host="ftp.gnu.org")
conn = psycopg2.connect(host="db.example.com", user="app", password=os.environ["PGPASSWORD"], sslmode="verify-full")
