const rows = await pool.query("SELECT * FROM users WHERE email = $1", [req.body.email]);
connection.query("SELECT * FROM orders WHERE id = ?", [req.params.id], callback);
const users = await prisma.$queryRaw`SELECT * FROM "User" WHERE name = ${name}`;
const result = await sql`SELECT * FROM users WHERE id = ${id}`;
db.run("DELETE FROM sessions WHERE user_id = " + parseInt(userId, 10));
const TABLE = "users";
db.all(`SELECT * FROM ${TABLE} ORDER BY id`);
connection.query("SELECT * FROM users WHERE name = " + mysql.escape(name));
const page = await client.get(`/api/users/${id}`);
