import bcrypt
from werkzeug.security import check_password_hash


def login(form):
    user = User.query.filter_by(email=form["email"]).first()
    return user is not None and check_password_hash(user.password_hash, form["password"])


def authenticate(account, password):
    return bcrypt.checkpw(password.encode(), account.password_hash)


def same_hash(user, digest):
    return user.password_hash == digest


def change_password(form):
    if form["password"] != form["confirm_password"]:
        raise ValueError("the passwords do not match")
