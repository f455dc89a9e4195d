from jinja2 import Environment, FileSystemLoader, Template

env = Environment(loader=FileSystemLoader("templates"))  # expect: DSP021
page = env.get_template("profile.html").render(user=user)

raw_env = Environment(autoescape=False)  # expect: DSP021
greeting = Template("<p>Hello {{ name }}!</p>").render(name=request.args["name"])  # expect: DSP021
