import rpyc
from rpyc.utils.server import ThreadedServer
from xmlrpc.server import SimpleXMLRPCServer


class CalculatorService(rpyc.Service):
    def exposed_add(self, a, b):
        return a + b


ThreadedServer(CalculatorService, hostname="127.0.0.1", port=18861).start()

server = SimpleXMLRPCServer(("localhost", 8000))
server.register_function(pow)
server.register_instance(Api())
