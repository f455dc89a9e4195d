app.get("/hello", (req, res) => {
  res.send(`<h1>Hello, ${req.query.name}!</h1>`);  // expect: DSW012
});

app.get("/search", function (req, res) {
  const q = req.query.q;
  res.send("<p>Results for " + q + "</p>");  // expect: DSW012
});

http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  res.writeHead(200, { "Content-Type": "text/html" });
  res.end("<div>" + url.searchParams.get("msg") + "</div>");  // expect: DSW012
});

router.get("/greet", async (ctx) => {
  ctx.body = `<h1>Hi ${ctx.query.name}</h1>`;  // expect: DSW012
});
