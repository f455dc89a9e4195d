const bcrypt = require("bcrypt");
const crypto = require("crypto");

const stored = await bcrypt.hash(password, 4);  // expect: DSW009
const salt = bcrypt.genSaltSync(6);  // expect: DSW009
const derived = crypto.pbkdf2Sync(password, salt, 1000, 32, "sha256");  // expect: DSW009
