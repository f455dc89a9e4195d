session = Marshal.load(Base64.decode64(cookies[:session]))  # expect: DSL003
config = YAML.load(params[:config])  # expect: DSL003
doc = YAML.unsafe_load(File.read(path))  # expect: DSL003
