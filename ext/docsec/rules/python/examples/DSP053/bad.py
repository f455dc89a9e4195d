import jinja2
from flask import Flask, render_template_string, request

app = Flask(__name__)
env = jinja2.Environment(autoescape=True)


@app.get("/greet/<username>")
def greet(username):
    page = "<p>Welcome back, %s</p>" % username
    return render_template_string(page)  # expect: DSP053


@app.post("/preview")
def preview():
    return render_template_string(request.form["body"])  # expect: DSP053


@app.errorhandler(404)
def not_found(error):
    body = """<h2>Nothing at {}</h2>""".format(request.path)
    return render_template_string(body), 404  # expect: DSP053


def notify(subject, user_note):
    tpl = env.from_string("Dear {{ user.name }}, " + user_note)  # expect: DSP053
    return tpl.render(user=current_user, subject=subject)


banner = jinja2.Template(f"<div class='banner'>{request.args.get('msg', '')}</div>").render()  # expect: DSP053
