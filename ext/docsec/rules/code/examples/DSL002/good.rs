async fn find(pool: &PgPool, name: &str) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as::<_, User>("SELECT * FROM users WHERE name = $1").bind(name).fetch_all(pool).await
}

fn remove(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM users WHERE id = ?1", [id])
}
