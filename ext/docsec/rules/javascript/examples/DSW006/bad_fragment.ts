  host: "mail.example.com",
  port: 465,
  tls: { rejectUnauthorized: false },  // expect: DSW006
