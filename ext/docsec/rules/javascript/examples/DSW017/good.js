const jwt = require("jsonwebtoken");
const jose = require("node-jose");

const claims = jwt.verify(token, publicKey, { algorithms: ["RS256"], audience: "api://orders" });
const verifier = jose.JWS.createVerify(keystore);
const picker = { mode: "none", algorithm: "sha256" };
