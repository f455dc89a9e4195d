import sqlite3

conn = sqlite3.connect("app.db")
cursor = conn.cursor()

cursor.execute(f"SELECT * FROM users WHERE name = '{username}'")  # expect: DSP020
cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)  # expect: DSP020
cursor.execute("DELETE FROM posts WHERE id = {}".format(post_id))  # expect: DSP020
cursor.execute("SELECT * FROM users WHERE email = '" + email + "'")  # expect: DSP020

query = f"UPDATE accounts SET balance = {amount} WHERE owner = '{owner}'"
cursor.execute(query)  # expect: DSP020
cursor.executescript("INSERT INTO logs VALUES ('%s')" % message)  # expect: DSP020
