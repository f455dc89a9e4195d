import ftplib
import imaplib
import smtplib

with smtplib.SMTP("smtp.example.com", 587) as server:
    server.starttls()  # expect: DSP075
    server.login(user, password)

mail = imaplib.IMAP4_SSL("imap.example.com")  # expect: DSP075
mail.login(user, password)

ftps = ftplib.FTP_TLS("ftp.example.com")  # expect: DSP075
ftps.login(user, password)
ftps.prot_p()
