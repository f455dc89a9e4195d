import flask
import flask_login

users = {"foo@bar.tld": {"password": PASSWORD_FROM_SIGNUP}}


@app.route("/login", methods=["POST"])
def login():
    email = flask.request.form["email"]
    if email in users and flask.request.form["password"] == users[email]["password"]:  # expect: DSP071
        flask_login.login_user(User(email))
        return flask.redirect(flask.url_for("protected"))
    return "Bad login"


def authenticate(username, password):
    account = Account.get(username)
    if account is None or password != account.password:  # expect: DSP071
        raise PermissionError(username)
    return account


def form_login(form):
    user = User.query.filter_by(name=form.username.data).first()
    return user is not None and form.password.data == user.password  # expect: DSP071
