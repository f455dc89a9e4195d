const config = {
  tokenUrl: "http://auth.example.com/oauth/token",  // expect: DSG006
  clientSecret: process.env.CLIENT_SECRET,
};
const broker = new Client({ url: "http://broker.example.com/api", username: "svc", password: process.env.PW });  // expect: DSG006
