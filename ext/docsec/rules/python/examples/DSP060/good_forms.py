from flask import Blueprint
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect(app)
account = Blueprint("account", __name__)


class ProfileForm(FlaskForm):
    class Meta:
        csrf = True


form = ProfileForm(meta={"csrf": True})
