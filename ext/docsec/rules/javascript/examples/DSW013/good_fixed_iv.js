const iv = crypto.randomBytes(16);
const cipher = crypto.createCipheriv("aes-256-cbc", key, iv);
const gcm = crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));
