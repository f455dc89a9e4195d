app.get("/users", async (req, res) => {
  const users = await db.collection("users").find({ $where: "this.name == '" + req.query.name + "'" }).toArray();  // expect: DSW016
  res.json(users);
});
