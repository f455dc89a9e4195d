import os
import uuid

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/uploads"


@app.post("/upload")
def upload():
    file = request.files["file"]
    filename = secure_filename(file.filename)
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], filename))
    return {"saved": filename, "original": file.filename}


@app.post("/stored")
def stored():
    file = request.files["file"]
    name = uuid.uuid4().hex
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], name))
    return {"id": name, "filename": file.filename}


@app.post("/inline")
def inline():
    for picture in request.files.getlist("pictures"):
        picture.save(os.path.join("static", os.path.basename(picture.filename)))
    return "ok"


@app.post("/describe")
def describe():
    path = os.path.join("/srv/catalog", request.files["file"].filename)
    return {"known": os.path.exists(path)}  # looked up, never written


@app.post("/store")
def store():
    upload = request.files["file"]
    path = os.path.join(app.config["UPLOAD_FOLDER"], secure_filename(upload.filename))
    upload.save(path)
    return {"saved": path}
