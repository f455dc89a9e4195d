from ftplib import FTP

with FTP("ftp.gnu.org") as ftp:
    ftp.login()
    ftp.cwd("gnu")
    ftp.retrlines("LIST")
