def login(cursor, email, password):
    cursor.execute("SELECT id FROM users WHERE email = %s AND password = %s", (email, password))  # expect: DSQ003
    return cursor.fetchone()
