String filter = "(uid=" + request.getParameter("user") + ")";
NamingEnumeration<SearchResult> found = ctx.search("ou=people,dc=example,dc=com", filter, controls);  // expect: DSL009
XPathExpression expr = xpath.compile("//user[@name='" + name + "']/role");  // expect: DSL009
