const ejs = require("ejs");
const Handlebars = require("handlebars");

app.post("/preview", (req, res) => {
  res.send(ejs.render(req.body.template, { user: req.user }));  // expect: DSW001
});
app.get("/card", (req, res) => {
  const card = Handlebars.compile(req.query.layout);  // expect: DSW001
  res.send(card({ name: req.user.name }));
});
app.get("/plugin", (req, res) => {
  const plugin = require(req.query.name);  // expect: DSW001
  res.json(plugin.describe());
});
