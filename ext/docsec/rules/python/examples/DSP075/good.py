import ftplib
import imaplib
import smtplib
import ssl

context = ssl.create_default_context()
with smtplib.SMTP("smtp.example.com", 587) as server:
    server.starttls(context=context)
    server.login(user, password)

mail = imaplib.IMAP4_SSL("imap.example.com", ssl_context=context)
ftps = ftplib.FTP_TLS("ftp.example.com", context=context)
server = smtplib.SMTP_SSL("smtp.gmail.com", 465, **options)  # the options may hold the context
