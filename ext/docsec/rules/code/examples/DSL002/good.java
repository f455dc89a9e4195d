PreparedStatement ps = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
ps.setString(1, request.getParameter("name"));
ResultSet rs = ps.executeQuery();
stmt.executeUpdate("DELETE FROM sessions WHERE user_id = " + Integer.parseInt(userId));
final String TABLE = "users";
ResultSet all = statement.executeQuery("SELECT * FROM " + TABLE);
