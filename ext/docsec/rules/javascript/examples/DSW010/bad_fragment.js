  clientId: "my-app",
  clientSecret: "vQ8kZ2mX7rT4nB9pL3wY6sD1",  // expect: DSW010 DSG002
