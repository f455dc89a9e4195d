const crypto = require("crypto");

const iv = crypto.randomBytes(12);
const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
const sealed = CryptoJS.AES.encrypt(message, key);
const forgeCipher = forge.cipher.createCipher("AES-GCM", key);
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 4096 });
const description = "des-ede3-cbc is what the old service used";  // a string, not a cipher
const modern = forge.aes.createEncryptionCipher(key, "GCM");
