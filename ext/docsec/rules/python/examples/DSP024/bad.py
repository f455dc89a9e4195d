import os
import zipfile

with zipfile.ZipFile(upload) as zf:
    for name in zf.namelist():
        target = os.path.join(dest, name)  # expect: DSP024
        with open(target, "wb") as out:
            out.write(zf.read(name))
