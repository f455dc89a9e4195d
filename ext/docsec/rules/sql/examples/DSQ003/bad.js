const user = await db.get("SELECT * FROM users WHERE username = ? AND password = ?", [username, password]);  // expect: DSQ003
