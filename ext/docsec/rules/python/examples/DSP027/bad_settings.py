import pysftp

cnopts = pysftp.CnOpts()
cnopts.hostkeys = None  # expect: DSP027
with pysftp.Connection("sftp.example.com", username="deploy", cnopts=cnopts) as sftp:
    sftp.put("release.tar.gz")
