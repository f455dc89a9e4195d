CREATE USER app WITH PASSWORD 'Wint3r-2024!';  -- expect: DSQ002
ALTER USER postgres PASSWORD '';  -- expect: DSQ002
CREATE ROLE reporting LOGIN PASSWORD 'r3p0rt1ng-2024';  -- expect: DSQ002
CREATE USER 'report'@'%' IDENTIFIED BY '';  -- expect: DSQ002
ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY 'Sup3r$ecret9';  -- expect: DSQ002
