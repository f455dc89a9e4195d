from webob import Request, Response


class Hello:
    def __init__(self, req):
        self.request = req

    def get(self):
        return '<form method="POST"><input name="name"><input type="submit"></form>'

    def post(self):
        return "Hello %s!" % self.request.params["name"]  # expect: DSP065
