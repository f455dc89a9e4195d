const jwt = require("jsonwebtoken");
const jose = require("node-jose");

const claims = jwt.verify(token, publicKey, { algorithms: ["RS256", "none"] });  // expect: DSW017
const verifier = jose.JWS.createVerify(keystore, { allowEmbeddedKey: true });  // expect: DSW017
