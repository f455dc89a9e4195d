const token = jwt.sign({ sub: user.id }, "k8Jz2vQw9rTn4LpX7sYb");  // expect: DSW010
const client = new Client({ user: "app", password: "Wint3r-2024!" });  // expect: DSW010
const apiKey = "sk_live_51HqLyjWDarjtT1zdp7dc";  // expect: DSW010 DSC002
process.env.SESSION_SECRET = "f3a9c1e7b2d4a6c8e0f1a3b5";  // expect: DSW010 DSG002
app.use(session({ secret: "keyboard-cat-42-blue-horse", resave: false }));  // expect: DSW010
fetch(url, { headers: { Authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc" } });  // expect: DSW010
const jwtSecret = process.env.JWT_SECRET || "9fK2xLq8Zt4WvB7nR1mC5yD3";  // expect: DSW010
const sessionSecret = process.env.SESSION_SECRET || "dev-secret";  // expect: DSW010
const key = crypto.privateDecrypt({ key: pem, passphrase: "my-secret-passphrase" }, data);  // expect: DSW010
