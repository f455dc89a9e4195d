from argon2 import PasswordHasher


def login(cursor, email, password):
    cursor.execute("SELECT id, password_hash FROM users WHERE email = %s", (email,))
    row = cursor.fetchone()
    return row if row and PasswordHasher().verify(row[1], password) else None
