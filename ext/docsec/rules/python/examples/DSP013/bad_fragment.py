from werkzeug.serving import run_simple
import flask as fl

run_simple("localhost", 5000, application, use_reloader=True, use_debugger=True)  # expect: DSP013
socketio.run(app, debug=True)  # expect: DSP013
server = fl.Flask("shop")
server.run(port=8050, debug=True)  # expect: DSP013
dash_app.run_server(debug=True)  # expect: DSP013
