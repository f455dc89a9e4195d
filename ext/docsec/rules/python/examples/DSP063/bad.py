from flask import Flask, redirect, request, url_for
from flask_login import login_user

app = Flask(__name__)


@app.post("/login")
def login():
    login_user(authenticate(request.form["username"], request.form["password"]))
    next_url = request.args.get("next")
    return redirect(next_url or url_for("index"))  # expect: DSP063


@app.get("/back")
def back():
    return redirect(request.headers.get("Referer", "/"))  # expect: DSP063


@app.get("/jump")
def jump():
    target = request.args["to"].strip()
    return redirect(f"/{target}")  # expect: DSP063
