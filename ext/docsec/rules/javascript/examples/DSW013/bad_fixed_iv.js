const iv = Buffer.alloc(16, 0);
const cipher = crypto.createCipheriv("aes-256-cbc", key, iv);  // expect: DSW013
const legacy = crypto.createCipheriv("aes-128-cbc", key, "1234567890123456");  // expect: DSW013
