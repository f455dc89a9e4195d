async fn find(pool: &PgPool, name: &str) -> Result<Vec<User>, sqlx::Error> {
    let sql = format!("SELECT * FROM users WHERE name = '{}'", name);
    sqlx::query_as::<_, User>(&sql).fetch_all(pool).await  // expect: DSL002
}

fn remove(conn: &Connection, id: String) -> rusqlite::Result<usize> {
    conn.execute(&format!("DELETE FROM users WHERE id = {id}"), [])  // expect: DSL002
}
