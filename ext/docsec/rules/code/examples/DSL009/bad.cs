var searcher = new DirectorySearcher(entry, "(sAMAccountName=" + userName + ")");  // expect: DSL009
searcher.Filter = $"(&(objectClass=user)(mail={email}))";  // expect: DSL009
var nodes = doc.SelectNodes("//user[@name='" + name + "']");  // expect: DSL009
