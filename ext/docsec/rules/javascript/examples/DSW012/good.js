const escapeHtml = require("escape-html");

app.get("/hello", (req, res) => {
  res.send(`<h1>Hello, ${escapeHtml(req.query.name)}!</h1>`);
});
app.get("/count", (req, res) => {
  res.send(`<p>${parseInt(req.query.n, 10)} items</p>`);
});
app.get("/api/user", (req, res) => {
  res.json({ name: req.query.name });
});
app.get("/page", (req, res) => {
  res.render("page", { name: req.query.name });
});
app.get("/static", (req, res) => {
  const title = "Welcome";
  res.send(`<h1>${title}</h1>`);
});
