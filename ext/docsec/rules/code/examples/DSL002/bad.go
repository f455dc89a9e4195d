rows, err := db.Query("SELECT * FROM users WHERE name = '" + name + "'")  // expect: DSL002
query := fmt.Sprintf("DELETE FROM sessions WHERE user_id = %s", userID)
_, err = db.ExecContext(ctx, query)  // expect: DSL002
db.Where(fmt.Sprintf("email = '%s'", email)).First(&user)  // expect: DSL002
