import shutil
import tarfile
import zipfile

with tarfile.open(archive_path) as tar:
    tar.extractall(dest, filter="data")
    tar.extract("README.md", dest, filter=tarfile.data_filter)
with zipfile.ZipFile(upload) as archive:
    archive.extractall(dest)
shutil.unpack_archive("bundle.zip", "build")
shutil.unpack_archive(downloaded, "build", filter="data")
