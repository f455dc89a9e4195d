from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))
page = env.get_template("profile.html").render(user=user)
strict_env = Environment(loader=FileSystemLoader("templates"), autoescape=True)
text_env = Environment(loader=FileSystemLoader("emails"))
body = text_env.get_template("welcome.txt").render(name=name)
hello = Template("Hello {{ name }}!").render(name="World")
safe = Template("<p>{{ name | e }}</p>").render(name=name)
