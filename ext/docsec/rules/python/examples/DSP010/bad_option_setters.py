import httplib2
import ldap
import pycurl
import urllib3
from confluent_kafka import Producer
from tornado.httpclient import AsyncHTTPClient

curl = pycurl.Curl()
curl.setopt(pycurl.URL, "https://api.example.com/items")
curl.setopt(pycurl.SSL_VERIFYPEER, 0)  # expect: DSP010
curl.setopt(pycurl.SSL_VERIFYHOST, 0)  # expect: DSP010

ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)  # expect: DSP010

http = httplib2.Http(disable_ssl_certificate_validation=True)  # expect: DSP010
pool = urllib3.PoolManager(assert_hostname=False)  # expect: DSP010
producer = Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SSL",
                     "enable.ssl.certificate.verification": False})  # expect: DSP010


async def fetch():
    return await AsyncHTTPClient().fetch("https://api.example.com", validate_cert=False)  # expect: DSP010
