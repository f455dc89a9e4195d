import shutil
import tarfile

with tarfile.open(archive_path) as tar:
    tar.extractall(path=dest)  # expect: DSP023

tf = tarfile.open(fileobj=response.raw, mode="r|gz")
tf.extractall()  # expect: DSP023
tarfile.open(fname).extractall(filter="fully_trusted")  # expect: DSP023
shutil.unpack_archive("release.tar.gz", "build")  # expect: DSP023
tar.extractall("out", filter=None)  # expect: DSP023
