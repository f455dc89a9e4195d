from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = Path("/srv/reports").resolve()


@app.route("/download")
def download():
    path = (BASE / request.args["name"]).resolve()
    if not path.is_relative_to(BASE):
        abort(404)
    return send_file(path)
