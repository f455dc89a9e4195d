import marshal

code = marshal.loads(payload)  # expect: DSP007
with open(path, "rb") as f:
    table = marshal.load(f)  # expect: DSP007
