import ldap
from ldap3 import Connection, Server
from lxml import etree

BASE_DN = "dc=example,dc=com"


def find_user(conn, username):
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % username)  # expect: DSP068


def check_login(username, password):
    connection = Connection(Server("ldaps://ldap.example.com"), auto_bind=True)
    query = f"(&(objectClass=person)(uid={username})(userPassword={password}))"
    connection.search(BASE_DN, query)  # expect: DSP068
    return bool(connection.entries)


def groups(conn, member):
    return conn.search(search_base=BASE_DN, search_filter="(member=" + member + ")")  # expect: DSP068


def lookup(tree, name):
    return tree.xpath("//user[@name='" + name + "']/email/text()")  # expect: DSP068


def price(root, sku):
    return root.find(".//product[@sku='{}']".format(sku))  # expect: DSP068


def compiled(name):
    return etree.XPath(f"//account[login='{name}']")  # expect: DSP068
