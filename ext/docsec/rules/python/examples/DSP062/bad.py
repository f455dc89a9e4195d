import os

from flask import Flask, request

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/uploads"


@app.post("/upload")
def upload():
    file = request.files["file"]
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], file.filename))  # expect: DSP062
    return "saved"


@app.post("/avatars")
def avatars():
    for picture in request.files.getlist("pictures"):
        path = f"static/avatars/{picture.filename}"  # expect: DSP062
        picture.save(path)
    return "ok"


@app.post("/raw")
def raw():
    request.files["doc"].save(request.files["doc"].filename)  # expect: DSP062
    return "ok"


@app.post("/copy")
def copy():
    upload = request.files.get("data")
    name = upload.filename
    with open(os.path.join("/srv/data", name), "wb") as target:  # expect: DSP062
        target.write(upload.read())
    return "ok"
