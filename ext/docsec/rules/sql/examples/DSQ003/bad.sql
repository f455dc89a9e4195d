SELECT id, name FROM users WHERE username = :username AND password = :password;  -- expect: DSQ003
