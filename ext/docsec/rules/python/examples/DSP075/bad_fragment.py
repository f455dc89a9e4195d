server = smtplib.SMTP_SSL("smtp.gmail.com", 465)  # expect: DSP075
server.login(sender, app_password)
