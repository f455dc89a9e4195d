import zmq
from twisted.internet import endpoints, reactor
from twisted.web.server import Site
from twisted.web.static import File

context = zmq.Context()
publisher = context.socket(zmq.PUB)
publisher.bind("tcp://127.0.0.1:5556")
subscriber = context.socket(zmq.SUB)
subscriber.connect("tcp://*:5556")

site = Site(File("/srv/www"))
reactor.listenTCP(8080, site, interface="127.0.0.1")
endpoint = endpoints.TCP4ServerEndpoint(reactor, 8880, interface="127.0.0.1")
server = endpoints.serverFromString(reactor, "tcp:8080:interface=127.0.0.1")

from twisted.internet import ssl

site = Site(File("/srv/www"))
reactor.listenSSL(8443, site, ssl.DefaultOpenSSLContextFactory("server.key", "server.crt"))
