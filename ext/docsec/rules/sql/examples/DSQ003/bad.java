PreparedStatement login = conn.prepareStatement("SELECT id FROM users WHERE login = ? AND password = ?");  // expect: DSQ003
