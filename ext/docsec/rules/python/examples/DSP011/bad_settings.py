# celeryconfig.py / settings.py
from ssl import CERT_NONE

broker_use_ssl = {
    "ssl_cert_reqs": CERT_NONE,  # expect: DSP011
}
CELERY_RESULT_BACKEND = "rediss://cache:6380/0?ssl_cert_reqs=none"  # expect: DSP011
redis_client = redis.Redis(host="cache", ssl=True, ssl_cert_reqs="none")  # expect: DSP011
mongo = MongoClient("mongodb://db:27017", tls=True, tlsAllowInvalidCertificates=True)  # expect: DSP011
os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: DSP011
