const bcrypt = require("bcrypt");
const crypto = require("crypto");

const stored = await bcrypt.hash(password, 12);
const derived = crypto.pbkdf2Sync(password, salt, 600000, 32, "sha256");
const digest = crypto.createHash("sha256").update(fileContents).digest("hex");
const id = await hasher.hash(document, 4);
