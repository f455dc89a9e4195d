mail = imaplib.IMAP4("imap.example.com")
mail.login(username, app_password)  # expect: DSP026
