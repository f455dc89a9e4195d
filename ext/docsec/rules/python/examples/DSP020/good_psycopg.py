from psycopg import sql

query = sql.SQL("SELECT {field} FROM {table} WHERE id = %s").format(
    field=sql.Identifier(column), table=sql.Identifier("users"))
cur.execute(query, (user_id,))
cur.execute("SELECT strftime('%s', created) FROM events WHERE id = ?", (event_id,))
cur.execute("SELECT * FROM t WHERE name LIKE %s", (f"%{term}%",))
df = pd.read_sql("SELECT * FROM sales WHERE region = %(region)s", engine, params={"region": region})
