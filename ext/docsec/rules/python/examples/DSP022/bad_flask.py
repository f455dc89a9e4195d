from flask import Markup, request

name = request.args.get("name", "")
heading = Markup("<h1>Welcome, " + name + "</h1>")  # expect: DSP022
