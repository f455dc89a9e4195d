    public User find(String name) throws SQLException {
        return mapUser(connection.createStatement().executeQuery("SELECT * FROM users WHERE name = '" + name + "'"));  // expect: DSL002
    }
