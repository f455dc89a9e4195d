SELECT id, name, password_hash FROM users WHERE username = :username;
UPDATE users SET password_hash = :hash WHERE id = :id;
SELECT count(*) FROM users WHERE password_hash IS NULL;
