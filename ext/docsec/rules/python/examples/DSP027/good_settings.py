import pysftp

cnopts = pysftp.CnOpts(knownhosts="/home/deploy/.ssh/known_hosts")
with pysftp.Connection("sftp.example.com", username="deploy", cnopts=cnopts) as sftp:
    sftp.put("release.tar.gz")
