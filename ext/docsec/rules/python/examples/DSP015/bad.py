import tempfile

path = tempfile.mktemp(suffix=".txt")  # expect: DSP015
with open(path, "w") as f:
    f.write(report)
