from django.http import HttpResponse
from flask import Flask, make_response, request
from webargs import fields
from webargs.flaskparser import use_args

app = Flask(__name__)


@app.route("/hello")
def hello():
    return "<h1>Hello, %s!</h1>" % request.args.get("name", "World")  # expect: DSP065


@app.route("/users/<username>")
def profile(username):
    return f"<h2>Profile of {username}</h2>"  # expect: DSP065


@app.route("/search")
@use_args({"q": fields.Str()}, location="query")
def search(args):
    return "You searched for {}".format(args["q"])  # expect: DSP065


@app.post("/echo")
def echo():
    message = request.form["message"]
    response = make_response("Saved: " + message)  # expect: DSP065
    return response


def greet(request):
    return HttpResponse(f"Hello {request.GET['name']}")  # expect: DSP065
