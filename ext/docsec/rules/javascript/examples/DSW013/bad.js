const crypto = require("crypto");

const legacy = crypto.createCipher("aes-256-cbc", password);  // expect: DSW013
const tdes = crypto.createCipheriv("des-ede3-cbc", key, iv);  // expect: DSW013
const ecb = crypto.createCipheriv("aes-128-ecb", key, null);  // expect: DSW013
const forgeCipher = forge.cipher.createCipher("3DES-CBC", key);  // expect: DSW013
const sealed = CryptoJS.TripleDES.encrypt(message, passphrase);  // expect: DSW013
const blocks = CryptoJS.AES.encrypt(message, key, {
  mode: CryptoJS.mode.ECB,  // expect: DSW013
});
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });  // expect: DSW013
const legacy = forge.rc2.createEncryptionCipher(key);  // expect: DSW013
