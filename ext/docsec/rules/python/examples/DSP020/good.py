import sqlite3
from sqlalchemy import select, text

conn = sqlite3.connect("app.db")
cursor = conn.cursor()
cursor.execute("SELECT * FROM users WHERE name = ?", (username,))
cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
cursor.execute("INSERT INTO users (name, email) VALUES (%(name)s, %(email)s)", {"name": name, "email": email})
cursor.executemany("INSERT INTO logs VALUES (?, ?)", rows)
placeholders = ", ".join("?" for _ in ids)
cursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
TABLE = "users"
cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
table = "events"
cursor.execute(f"SELECT * FROM {table} WHERE id = ?", (event_id,))
stmt = select(User).where(User.name == username)
session.execute(stmt)
session.execute(text("SELECT * FROM users WHERE id = :id"), {"id": user_id})
cursor.execute("SELECT * FROM items LIMIT %d" % int(limit))
logger.info("SELECT took %s ms for user %s" % (elapsed, user))
message = f"Deleted {count} rows from the table"
