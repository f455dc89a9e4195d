import importlib
import importlib.metadata

json = importlib.import_module("json")
for name in ["myapp.plugins.csv", "myapp.plugins.xlsx"]:
    importlib.import_module(name)
PLUGINS = {"csv": "myapp.plugins.csv", "json": "myapp.plugins.json"}
plugin = importlib.import_module(PLUGINS[choice])
importlib.reload(json)
print(importlib.metadata.version("requests"))
