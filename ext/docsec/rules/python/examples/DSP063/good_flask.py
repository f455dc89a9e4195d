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


@app.post("/posts")
def new_post():
    post = Post(title=request.form["title"], body=request.form["body"])
    post.save()
    return redirect(post.url)


@app.get("/login")
def login_form():
    next_url = request.args.get("next", "/")
    return render_template("login.html", next_url=next_url)


@app.post("/logout")
def logout_and_home():
    next_url = url_for("index")
    return redirect(next_url)
