const user = await db.get("SELECT * FROM users WHERE username = ?", [username]);
const ok = user && (await argon2.verify(user.password_hash, password));
