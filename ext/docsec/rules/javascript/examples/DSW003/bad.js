const rows = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);  // expect: DSW003
connection.query("SELECT * FROM orders WHERE id = " + req.params.id, callback);  // expect: DSW003
let sql = "DELETE FROM sessions WHERE user_id = " + userId;
db.run(sql);  // expect: DSW003
knex("users").whereRaw(`name = '${name}'`);  // expect: DSW003
const users = await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE name = '${name}'`);  // expect: DSW003
await sequelize.query("UPDATE posts SET title = '" + title + "' WHERE id = 1");  // expect: DSW003
