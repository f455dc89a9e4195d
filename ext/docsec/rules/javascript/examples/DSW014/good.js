const fs = require("fs");
const path = require("path");

app.get("/download", (req, res) => {
  res.sendFile(path.basename(req.query.name), { root: path.join(__dirname, "reports") });
});
app.get("/files/:name", (req, res) => {
  fs.createReadStream(path.join(__dirname, "uploads", path.basename(req.params.name))).pipe(res);
});
app.get("/readme", (req, res) => {
  res.sendFile(path.join(__dirname, "README.md"));
});
