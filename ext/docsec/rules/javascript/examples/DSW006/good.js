const agent = new https.Agent({ ca: fs.readFileSync("internal-ca.pem") });
const client = new Client({ connectionString, ssl: { rejectUnauthorized: true, ca } });
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
const options = { insecure: false };
const schema = { verify: (value) => true };
const tlsClient = forge.tls.createConnection({ verify: (connection, verified, depth, certs) => verified });
const checked = forge.tls.createConnection({
  verify: function(connection, verified, depth, certs) {
    if (!verified) {
      return false;
    }
    return true;
  },
});
requestDetail.requestOptions.rejectUnauthorized = true;
