const client = new MongoClient(uri, { tls: true, tlsCAFile: "/etc/ssl/certs/db-ca.pem" });
const connection = mysql.createConnection({ host: "db", ssl: { ca: fs.readFileSync("ca.pem") } });
// jwt.verify's options are about the token, not about a network peer
jwt.verify(token, key, { algorithms: ["RS256"], ignoreExpiration: false });
const schema = { verify: false, name: "draft" };
