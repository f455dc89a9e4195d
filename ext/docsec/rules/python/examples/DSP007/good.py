import json
import marshal

blob = marshal.dumps(compile("x = 1", "<string>", "exec"))
data = json.loads(payload)
print(marshal.version)
