import ftplib
import os
import smtplib
import telnetlib

session = telnetlib.Telnet(router_host, 23)  # expect: DSP026
ftp = ftplib.FTP("ftp.example.com")
ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])  # expect: DSP026
with smtplib.SMTP("smtp.example.com", 587) as server:
    server.login(sender, os.environ["SMTP_PASSWORD"])  # expect: DSP026
    server.send_message(message)
