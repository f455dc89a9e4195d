from flask import Blueprint
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect(app)
account = Blueprint("account", __name__)
csrf.exempt(account)  # expect: DSP060


class ProfileForm(FlaskForm):
    class Meta:
        csrf = False  # expect: DSP060


form = ProfileForm(meta={"csrf": False})  # expect: DSP060
