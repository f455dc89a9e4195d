import ftplib
import os
import smtplib
import ssl

context = ssl.create_default_context()
with smtplib.SMTP("smtp.example.com", 587) as server:
    server.starttls(context=context)
    server.login(sender, os.environ["SMTP_PASSWORD"])
with smtplib.SMTP_SSL("smtp.example.com", 465, context=context) as server:
    server.login(sender, os.environ["SMTP_PASSWORD"])
ftps = ftplib.FTP_TLS("ftp.example.com", context=context)
ftps.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
ftps.prot_p()
