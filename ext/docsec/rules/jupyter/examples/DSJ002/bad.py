c.ServerApp.allow_root = True  # expect: DSJ002
