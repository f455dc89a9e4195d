PreparedStatement login = conn.prepareStatement("SELECT id, password_hash FROM users WHERE login = ?");
