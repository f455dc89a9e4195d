String sql = "SELECT * FROM users WHERE name = '" + request.getParameter("name") + "'";
ResultSet rs = statement.executeQuery(sql);  // expect: DSL002
stmt.executeUpdate("DELETE FROM sessions WHERE user_id = " + userId);  // expect: DSL002
List<User> users = em.createQuery("SELECT u FROM User u WHERE u.email = '" + email + "'").getResultList();  // expect: DSL002
jdbcTemplate.queryForList(String.format("SELECT * FROM orders WHERE status = '%s'", status));  // expect: DSL002
