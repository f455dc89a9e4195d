import os
import shutil
from pathlib import Path

from flask import Flask, request, send_file

app = Flask(__name__)
REPORTS = "/srv/reports"


@app.route("/download")
def download():
    return send_file(os.path.join(REPORTS, request.args["name"]))  # expect: DSP067


@app.route("/docs/<path:page>")
def docs(page):
    with open(f"docs/{page}.md") as handle:  # expect: DSP067
        return handle.read()


@app.get("/preview")
def preview():
    name = request.args.get("file", "index.txt")
    return Path("notes", name).read_text()  # expect: DSP067


@app.post("/delete")
def delete():
    target = os.path.join(REPORTS, request.form["report"])
    os.remove(target)  # expect: DSP067
    return "deleted"


@app.post("/purge/<project>")
def purge(project):
    shutil.rmtree(Path(REPORTS) / project)  # expect: DSP067
    return "purged"
