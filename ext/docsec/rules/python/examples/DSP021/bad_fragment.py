import jinja2 as j2

env = j2.Environment(loader=j2.PackageLoader("shop"), trim_blocks=True)  # expect: DSP021
html = env.get_template("cart.html").render(items=items)
app.jinja_env.autoescape = False  # expect: DSP021
