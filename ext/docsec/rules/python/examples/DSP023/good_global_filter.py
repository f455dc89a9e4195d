import tarfile

tarfile.TarFile.extraction_filter = staticmethod(tarfile.data_filter)
with tarfile.open(path) as tar:
    tar.extractall(dest)
