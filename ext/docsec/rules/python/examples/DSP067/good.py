import os
from pathlib import Path

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
REPORTS = "/srv/reports"


@app.route("/download")
def download():
    return send_from_directory(REPORTS, request.args["name"])


@app.route("/report")
def report():
    return send_file(os.path.join(REPORTS, secure_filename(request.args["name"])))


@app.route("/export/<int:year>")
def export(year):
    return send_file(f"exports/{year}.csv")


@app.route("/readme")
def readme():
    with open("README.md") as handle:
        return handle.read()


@app.get("/preview")
def preview():
    name = os.path.basename(request.args.get("file", "index.txt"))
    return Path("notes", name).read_text()


def load(name):
    with open(os.path.join("data", name)) as handle:
        return handle.read()
