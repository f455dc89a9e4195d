NamingEnumeration<SearchResult> found = ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] { user }, controls);
String filter = "(uid=" + LdapEncoder.filterEncode(user) + ")";
ctx.search("ou=people,dc=example,dc=com", filter, controls);
String url = "/api/users/" + id;
