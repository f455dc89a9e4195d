from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.post("/upload")
def upload():
    save(request.files["file"])
    return redirect(request.url)


@app.get("/profile")
def profile():
    return redirect(url_for("user_page", name=request.args["name"]))


@app.post("/logout")
def logout():
    logout_user()
    return redirect("/")
