const { filter } = require("ldap-escape");

client.search("ou=people,dc=example,dc=com", { filter: filter`(uid=${req.body.user})`, scope: "sub" }, onResult);
client.search("ou=people,dc=example,dc=com", { filter: "(objectClass=person)", scope: "sub" }, onResult);
const url = `/api/users/${id}`;
