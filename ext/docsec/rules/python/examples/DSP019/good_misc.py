form = LoginForm()
password = forms.CharField(widget=forms.PasswordInput, label="Password")
parser.add_argument("--password", help="database password")
grant = {"grant_type": "password", "username": username, "password": password}
private_key_path = "/etc/ssl/private/server.key"
PRIVATE_KEY_FILE = "keys/private.pem"
key = "name"
value = data[key]
token = tokens[0]
SESSION_COOKIE_NAME = "sessionid"
API_KEY_HEADER = "X-API-Key"


def test_login(client):
    response = client.post("/login", data={"username": "alice", "password": "Al1ce-Test-Pw"})
    assert response.status_code == 302


# Query lookups compare a stored value; they set nothing.
weak = User.objects.filter(password__startswith="sha1$$").exclude(password__startswith="sha1$$$")
tokens = Token.objects.filter(key__iexact="0123456789abcdef0123456789abcdef")

# Alembic names the template tokens of its multi-database migrations.
context.configure(connection=connection, upgrade_token="engine1_upgrades", downgrade_token="engine1_downgrades")
