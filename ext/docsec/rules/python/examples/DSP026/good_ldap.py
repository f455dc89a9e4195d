import ldap
from ldap3 import Connection, Server

directory = ldap.initialize("ldap://ldap.example.com")
directory.start_tls_s()
directory.simple_bind_s("cn=admin,dc=example,dc=org", password)

server = Server("ldaps://ldap.example.com:636", use_ssl=True)
connection = Connection(server, user="cn=reader,dc=example,dc=org", password=password)
connection.bind()

import winrm

session = winrm.Session("https://windows-host.example.com:5986/wsman", auth=("john.smith", password))
kerberos = winrm.Session("windows-host.example.com", auth=("john.smith", password), transport="kerberos")
