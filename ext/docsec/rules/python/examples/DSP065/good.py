from django.http import HttpResponse
from fastapi import FastAPI
from flask import Flask, jsonify, make_response, render_template, request
from markupsafe import escape
from webargs import fields
from webargs.flaskparser import use_args

app = Flask(__name__)


@app.route("/hello")
def hello():
    return f"<h1>Hello, {escape(request.args.get('name', 'World'))}!</h1>"


@app.route("/users/<username>")
def profile(username):
    return render_template("profile.html", username=username)


@app.route("/api/echo")
def api_echo():
    return jsonify(message=request.args["message"])


@app.route("/raw")
def raw():
    return make_response("Saved: " + request.form["message"], 200, {"Content-Type": "text/plain"})


@app.route("/count")
def count():
    return f"{len(request.args)} parameters"


def greet(request):
    return HttpResponse(f"Hello {request.user.username}")


@app.route("/post/<int:post_id>")
def show_post(post_id):
    return f"<h2>Post {post_id}</h2>"


@app.route("/user/<int:uid>")
@use_args({"per_page": fields.Int()}, location="query")
def user_detail(args, uid):
    return "The user page for user {uid}, showing {per_page} posts.".format(uid=uid, per_page=args["per_page"])


class RectangleSchema:
    length = fields.Float()
    width = fields.Float()


@app.route("/area")
@use_args(RectangleSchema(), location="query")
def area(args):
    return f"area = {args['length'] * args['width']}, doubled length = {args['length']}"
