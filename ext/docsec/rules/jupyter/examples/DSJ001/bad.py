c = get_config()  # noqa
c.ServerApp.open_browser = False
c.ServerApp.token = ""  # expect: DSJ001
c.NotebookApp.token = u''  # expect: DSJ001
