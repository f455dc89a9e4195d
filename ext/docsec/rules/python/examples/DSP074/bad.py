import eventlet
import rpyc
from eventlet import backdoor
from gevent.backdoor import BackdoorServer
from rpyc.utils.server import ThreadedServer
from xmlrpc.server import SimpleXMLRPCServer

eventlet.spawn(backdoor.backdoor_server, eventlet.listen(("localhost", 3000)), locals())  # expect: DSP074
BackdoorServer(("127.0.0.1", 5001), banner="Hello from gevent backdoor!").serve_forever()  # expect: DSP074
ThreadedServer(rpyc.classic.ClassicService, port=18812).start()  # expect: DSP074

server = SimpleXMLRPCServer(("localhost", 8000))
server.register_function(eval)  # expect: DSP074
server.register_instance(Api(), allow_dotted_names=True)  # expect: DSP074
