import builtins

exec(request.form["code"])  # expect: DSP004
source = open(plugin_path).read()
namespace = {}
exec(source, namespace)  # expect: DSP004
code = compile(user_code, "<user>", "exec")  # expect: DSP004
builtins.exec(snippet)  # expect: DSP004
