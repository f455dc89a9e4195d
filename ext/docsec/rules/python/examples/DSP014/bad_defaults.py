import zmq
from twisted.internet import endpoints, reactor
from twisted.web.server import Site
from twisted.web.static import File

context = zmq.Context()
publisher = context.socket(zmq.PUB)
publisher.bind("tcp://*:5556")  # expect: DSP014

site = Site(File("/tmp"))
reactor.listenTCP(8080, site)  # expect: DSP014
endpoint = endpoints.TCP4ServerEndpoint(reactor, 8880)  # expect: DSP014
server = endpoints.serverFromString(reactor, "tcp:8080")  # expect: DSP014
