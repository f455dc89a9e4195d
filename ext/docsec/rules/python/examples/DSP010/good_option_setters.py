import certifi
import ldap
import pycurl
from confluent_kafka import Producer
from tornado.httpclient import AsyncHTTPClient

curl = pycurl.Curl()
curl.setopt(pycurl.URL, "https://api.example.com/items")
curl.setopt(pycurl.CAINFO, certifi.where())
curl.setopt(pycurl.SSL_VERIFYPEER, 1)

ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, "/etc/ssl/certs/ldap-ca.pem")

producer = Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SSL",
                     "ssl.ca.location": "/etc/kafka/ca.pem"})


async def fetch():
    return await AsyncHTTPClient().fetch("https://api.example.com", ca_certs="/etc/ssl/private-ca.pem")
