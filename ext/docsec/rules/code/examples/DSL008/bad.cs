using var des = DES.Create();  // expect: DSL008
var tdes = new TripleDESCryptoServiceProvider();  // expect: DSL008
using var aes = Aes.Create();
aes.Mode = CipherMode.ECB;  // expect: DSL008
