import re

import ldap
from ldap.filter import escape_filter_chars, filter_format
from lxml import etree

BASE_DN = "dc=example,dc=com"
PEOPLE = "(objectClass=person)"


def find_user(conn, username):
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))


def find_escaped(conn, username):
    return conn.search(BASE_DN, f"(uid={escape_filter_chars(username)})")


def everyone(conn):
    return conn.search(BASE_DN, f"(&{PEOPLE}(mail=*))")


def lookup(tree, name):
    return tree.xpath("//user[@name=$name]/email/text()", name=name)


def links(html, host):
    return re.findall(f"https?://{host}/[^\"']+", html)


def items(root, tag):
    return root.findall(f".//{tag}")


ids = etree.XPath("//item/@id")
