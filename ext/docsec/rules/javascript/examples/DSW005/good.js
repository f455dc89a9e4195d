app.get("/login/done", (req, res) => {
  const next = req.query.next;
  res.redirect("/dashboard");
});
res.redirect(`/users/${user.id}`);
window.location.href = "/login";
const clean = text.replace(/\s+/g, " ");
location.reload();
