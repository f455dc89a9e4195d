from flask import request
from mako.lookup import TemplateLookup
from mako.template import Template

greeting = Template("<h1>Hello ${name}!</h1>")  # expect: DSP021
print(greeting.render(name=request.args["name"]))

lookup = TemplateLookup(directories=["templates"])  # expect: DSP021
page = lookup.get_template("profile.html").render(user=request.args["user"])
