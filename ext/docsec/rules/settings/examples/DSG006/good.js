const config = {
  tokenUrl: "https://auth.example.com/oauth/token",
  clientSecret: process.env.CLIENT_SECRET,
};
const local = { url: "http://localhost:8080/token", password: process.env.PW };
// two objects: the plain-HTTP one sends no credentials
const status = { url: "http://status.example.com/ping" };
const login = { url: "https://example.com/login", password: process.env.PW };
