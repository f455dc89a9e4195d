# Key bytes generated at start-up or read from the environment
import base64
import os
import secrets

c = get_config()  # noqa
c.JupyterHub.cookie_secret = bytes.fromhex(os.environ["JPY_COOKIE_SECRET"])
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.auth_token = os.environ["CONFIGPROXY_AUTH_TOKEN"]

settings = {"cookie_secret": secrets.token_urlsafe(32), "xsrf_cookies": True}
SIGNING_KEY = base64.b64decode(os.environ["SIGNING_KEY_B64"])
header = base64.b64decode("eyJhbGciOiJub25lIn0=")
