import importlib
import importlib.util
import runpy

backend = importlib.import_module(module_name)  # expect: DSP031
handler = __import__(request.args["handler"])  # expect: DSP031
spec = importlib.util.spec_from_file_location("plugin", plugin_path)  # expect: DSP031
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
runpy.run_path(script, run_name="__main__")  # expect: DSP031
