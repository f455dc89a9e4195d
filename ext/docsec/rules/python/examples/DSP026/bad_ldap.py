import ldap
from ldap3 import Connection, Server

directory = ldap.initialize("ldap://ldap.example.com")
directory.simple_bind_s("cn=admin,dc=example,dc=org", password)  # expect: DSP026

server = Server("ldap://ldap.example.com:389")
connection = Connection(server, user="cn=reader,dc=example,dc=org", password=password)
connection.bind()  # expect: DSP026

import winrm

session = winrm.Session("windows-host.example.com", auth=("john.smith", password))  # expect: DSP026
