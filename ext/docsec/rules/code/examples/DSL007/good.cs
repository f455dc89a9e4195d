var options = new SmtpOptions { User = "mailer", Password = Environment.GetEnvironmentVariable("SMTP_PASSWORD") };
const string ClientSecret = "YOUR_CLIENT_SECRET";
