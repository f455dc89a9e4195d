from flask import Flask

app = Flask(__name__)
app.debug = True  # expect: DSP013
app.config["DEBUG"] = True  # expect: DSP013
app.config.update(DEBUG=True, SQLALCHEMY_ECHO=True)  # expect: DSP013


@app.route("/")
def index():
    return "Hello"


if __name__ == "__main__":
    app.run(debug=True)  # expect: DSP013
