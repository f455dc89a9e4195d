# jupyterhub_config.py
import os

c = get_config()  # noqa
c.JupyterHub.authenticator_class = "github"
c.GitHubOAuthenticator.oauth_callback_url = "https://hub.example.org/hub/oauth_callback"
c.GitHubOAuthenticator.client_id = os.environ["GITHUB_CLIENT_ID"]
c.GitHubOAuthenticator.client_secret = os.environ["GITHUB_CLIENT_SECRET"]
c.Authenticator.allowed_users = {"ada", "grace"}
c.Authenticator.admin_users = {"ada"}
