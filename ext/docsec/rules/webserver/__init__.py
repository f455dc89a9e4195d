"""Rules for web server configuration (``DSN``): nginx, Apache httpd and Caddy."""
