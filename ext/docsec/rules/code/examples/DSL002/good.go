rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
_, err = db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", userID)
db.Where("email = ?", email).First(&user)
msg := fmt.Sprintf("hello %s", name)
