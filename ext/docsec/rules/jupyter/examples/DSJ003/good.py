c.ServerApp.allow_origin = "https://lab.example.com"
c.ServerApp.disable_check_xsrf = False
# c.ServerApp.allow_origin = '*'
