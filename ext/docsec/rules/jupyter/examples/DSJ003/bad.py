c.ServerApp.disable_check_xsrf = True  # expect: DSJ003
c.ServerApp.allow_origin = "*"  # expect: DSJ003
c.NotebookApp.allow_origin_pat = ".*"  # expect: DSJ003
