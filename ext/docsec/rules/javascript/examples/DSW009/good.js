const hash = await bcrypt.hash(req.body.password, 12);
crypto.scrypt(password, salt, 64, (err, key) => save(key));
const etag = crypto.createHash("md5").update(body).digest("hex");
const checksum = crypto.createHash("sha256").update(fileContents).digest("hex");
