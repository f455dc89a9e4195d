app.get("/users", async (req, res) => {
  const users = await db.collection("users").find({ name: String(req.query.name) }).toArray();
  const adults = await db.collection("users").find({ $where: "this.age >= 18" }).toArray();
  res.json({ users, adults });
});
