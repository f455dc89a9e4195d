const ejs = require("ejs");
const Handlebars = require("handlebars");

const card = Handlebars.compile("<p>{{name}}</p>");
app.post("/preview", (req, res) => {
  res.send(ejs.render("<h1><%= title %></h1>", { title: req.body.title }));
});
app.get("/card", (req, res) => res.send(card({ name: req.query.name })));
app.get("/page", (req, res) => res.render("page", { q: req.query.q }));
const plugins = { csv: require("./csv"), pdf: require("./pdf") };
app.get("/plugin", (req, res) => res.json(plugins[req.query.name]?.describe()));
