from flask import request
from mako.lookup import TemplateLookup
from mako.template import Template

greeting = Template("<h1>Hello ${name}!</h1>", default_filters=["h"])
print(greeting.render(name=request.args["name"]))

escaped = Template("<h1>Hello ${name | h}!</h1>")

lookup = TemplateLookup(directories=["templates"], default_filters=["h"])
page = lookup.get_template("profile.html").render(user=request.args["user"])

plain = Template("Dear ${name},\nyour order has shipped.")
