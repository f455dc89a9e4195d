Cipher des = Cipher.getInstance("DES/CBC/PKCS5Padding");  // expect: DSL008
Cipher tdes = Cipher.getInstance("DESede/ECB/PKCS5Padding");  // expect: DSL008
Cipher aes = Cipher.getInstance("AES");  // expect: DSL008
