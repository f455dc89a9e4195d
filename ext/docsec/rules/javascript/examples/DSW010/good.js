const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);
const client = new Client({ user: "app", password: process.env.PGPASSWORD });
const apiKey = "<your-api-key>";
const config = { password: "changeme", secret: "your-secret-here" };
const passwordField = "password";
const tokenUrl = "https://auth.example.com/oauth/token";
const jwtSecret = process.env.JWT_SECRET || "dev";
const redis = new Redis({ password: "password-for-30001" });
