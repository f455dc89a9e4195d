const agent = new https.Agent({ rejectUnauthorized: false });  // expect: DSW006
const client = new Client({
  connectionString,
  ssl: { rejectUnauthorized: false },  // expect: DSW006
});
request({ url, strictSSL: false }, callback);  // expect: DSW006
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";  // expect: DSW006
tls.connect(443, host, { checkServerIdentity: () => undefined });  // expect: DSW006
const client = forge.tls.createConnection({
  server: false,
  verify: function(connection, verified, depth, certs) {  // expect: DSW006
    // skip verification for testing
    console.log("[tls] server certificate verified");
    return true;
  },
});
proxyRule.beforeSendRequest = (requestDetail) => {
  requestDetail.requestOptions.rejectUnauthorized = false;  // expect: DSW006
  return requestDetail;
};
