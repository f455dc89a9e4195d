import jinja2
from flask import Flask, render_template_string, request
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
env = jinja2.Environment(autoescape=jinja2.select_autoescape())

PAGE = """
<!doctype html>
<title>{{ title }}</title>
<p>Welcome back, {{ username }}</p>
"""


@app.get("/greet/<username>")
def greet(username):
    return render_template_string(PAGE, title="Home", username=username)


@app.post("/preview")
def preview():
    return render_template_string("<pre>{{ body }}</pre>", body=request.form["body"])


def notify(user_note):
    tpl = env.from_string("Dear {{ user.name }}, {{ note }}")
    return tpl.render(user=current_user, note=user_note)


sandbox = SandboxedEnvironment()
custom = sandbox.from_string(request.form["layout"]).render(items=items)
