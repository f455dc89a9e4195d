from flask import Flask, request
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config["WTF_CSRF_ENABLED"] = False  # expect: DSP060
csrf = CSRFProtect(app)


@app.route("/settings", methods=["POST"])
@csrf.exempt  # expect: DSP060
def save_settings():
    current_user.settings.update(request.form)
    db.session.commit()
    return "saved"
