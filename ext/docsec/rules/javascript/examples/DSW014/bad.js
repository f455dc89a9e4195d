const fs = require("fs");
const path = require("path");

app.get("/download", (req, res) => {
  res.sendFile(path.join(__dirname, "reports", req.query.name));  // expect: DSW014
});
app.get("/files/:name", (req, res) => {
  const file = path.join(__dirname, "uploads", req.params.name);
  fs.createReadStream(file).pipe(res);  // expect: DSW014
});
app.delete("/files", async (req, res) => {
  await fs.promises.unlink(`uploads/${req.body.name}`);  // expect: DSW014
  res.sendStatus(204);
});
