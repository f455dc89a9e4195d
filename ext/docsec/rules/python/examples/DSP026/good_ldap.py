import ldap
from ldap3 import Connection, Server

directory = ldap.initialize("ldap://ldap.example.com")
directory.start_tls_s()
directory.simple_bind_s("cn=admin,dc=example,dc=org", password)

server = Server("ldaps://ldap.example.com:636", use_ssl=True)
connection = Connection(server, user="cn=reader,dc=example,dc=org", password=password)
connection.bind()
