client.search("ou=people,dc=example,dc=com", {
  filter: `(uid=${req.body.user})`,  // expect: DSW016
  scope: "sub",
}, onResult);
const result = document.evaluate("//user[@name='" + name + "']", xmlDoc, null, XPathResult.ANY_TYPE, null);  // expect: DSW016
