c = get_config()  # noqa
c.ServerApp.open_browser = False
# c.ServerApp.token = ''
c.ServerApp.token = os.environ["JUPYTER_TOKEN"]
