const crypto = require("crypto");
const hash = crypto.createHash("md5").update(req.body.password).digest("hex");  // expect: DSW009
const h = crypto.createHash("sha256");  // expect: DSW009
h.update(user.password + salt);
const digest = createHash("sha1").update(passphrase).digest("base64");  // expect: DSW009
