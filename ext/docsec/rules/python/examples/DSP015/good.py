import os
import tempfile

fd, path = tempfile.mkstemp(suffix=".txt")
with tempfile.NamedTemporaryFile("w", delete=False) as f:
    f.write(report)
with tempfile.TemporaryDirectory() as workdir:
    print(os.listdir(workdir))
print(tempfile.gettempdir())
