app.get("/login/done", (req, res) => {
  res.redirect(req.query.next);  // expect: DSW005
});
app.post("/go", (req, res) => res.redirect(302, req.body.url));  // expect: DSW005
router.get("/out", async (ctx) => {
  ctx.redirect(ctx.query.to);  // expect: DSW005
});
const target = new URLSearchParams(window.location.search).get("returnTo");
window.location.href = target;  // expect: DSW005
location.assign(params.get("url"));  // expect: DSW005
res.writeHead(302, { Location: req.query.url });  // expect: DSW005
