CREATE USER app WITH PASSWORD '<a password from your secret store>';
CREATE USER 'report'@'localhost' IDENTIFIED BY 'your_password';
ALTER ROLE app PASSWORD NULL;
CREATE ROLE readers NOLOGIN;
ALTER USER app WITH PASSWORD 'changeme';
SELECT usename FROM pg_user WHERE passwd IS NULL;
CREATE USER kinto WITH PASSWORD 'dbpassword';
