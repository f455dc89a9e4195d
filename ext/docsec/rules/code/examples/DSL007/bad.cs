var options = new SmtpOptions { User = "mailer", Password = "Wint3r-2024!" };  // expect: DSL007
const string ClientSecret = "f3e1c9a7b2d84e6f90a1c2b3d4e5f607";  // expect: DSL007
