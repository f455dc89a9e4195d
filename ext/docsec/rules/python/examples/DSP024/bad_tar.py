import shutil
import tarfile

with tarfile.open(bundle) as tar:
    for member in tar.getmembers():
        source = tar.extractfile(member)
        with open(f"{dest}/{member.name}", "wb") as target:  # expect: DSP024
            shutil.copyfileobj(source, target)
