from autobahn.wamp.component import Component

component = Component(
    transports="wss://router.example.com/ws",
    authentication={
        "cryptosign": {
            "authid": "alice",
            "privkey": "6e3a302aa67d55ffc2059efeb5cf679470b37a26ae9ac18693b56ea3d0cd331c",  # expect: DSP019
        }
    },
    realm="realm1",
)
NODE_PRIV_KEY = "5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3"  # expect: DSP019
