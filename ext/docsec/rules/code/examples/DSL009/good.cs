var searcher = new DirectorySearcher(entry, "(objectClass=user)");
var nodes = doc.SelectNodes("//user[@active='true']");
