config = YAML.safe_load(params[:config])
data = JSON.parse(request.body.read)
defaults = YAML.load("theme: dark")
