import os
import zipfile

with zipfile.ZipFile(upload) as zf:
    zf.extractall(dest)
    for name in zf.namelist():
        print(name, zf.getinfo(name).file_size)
    for name in zf.namelist():
        with open(os.path.join(dest, os.path.basename(name)), "wb") as out:
            out.write(zf.read(name))
