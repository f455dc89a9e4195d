from werkzeug.security import generate_password_hash

hashed = generate_password_hash(form.password.data, method="sha256")  # expect: DSP017
user.pw_hash = generate_password_hash(password, "plain")  # expect: DSP017
