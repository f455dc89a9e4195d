import os
import zipfile

root = os.path.realpath(dest)
with zipfile.ZipFile(upload) as zf:
    for name in zf.namelist():
        target = os.path.realpath(os.path.join(root, name))
        if os.path.commonpath([root, target]) != root:
            raise ValueError(f"unsafe member {name!r}")
        with open(target, "wb") as out:
            out.write(zf.read(name))
