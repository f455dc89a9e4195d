# jupyterhub_config.py for the workshop VM
c = get_config()  # noqa
c.JupyterHub.bind_url = "http://:8000"
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"  # expect: DSJ004
c.DummyAuthenticator.password = "d4ta-sci-lab"  # expect: DSJ004 DSP019
c.Spawner.default_url = "/lab"
