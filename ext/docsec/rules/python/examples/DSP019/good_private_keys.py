import os

from autobahn.wamp.component import Component

component = Component(
    transports="wss://router.example.com/ws",
    authentication={"cryptosign": {"authid": "alice", "privkey": os.environ["ALICE_PRIVKEY"]}},
    realm="realm1",
)
privkey_path = "/etc/app/alice.key"
cache_key = "6e3a302aa67d55ffc2059efeb5cf679470b37a26"
