from flask import Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)
CORS(app, supports_credentials=True)  # expect: DSP061
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)  # expect: DSP061


@app.route("/me")
@cross_origin(origins="*", supports_credentials=True)  # expect: DSP061
def me():
    return current_user.to_dict()
