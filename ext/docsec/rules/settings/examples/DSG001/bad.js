const client = new MongoClient(uri, {
  tls: true,
  tlsAllowInvalidCertificates: true,  // expect: DSG001
});
const connection = mysql.createConnection({ host: "db", ssl: { verify_server_cert: false } });  // expect: DSG001
const es = new Client({ node: "https://es.example.com:9200", ssl: { verify: false } });  // expect: DSG001
