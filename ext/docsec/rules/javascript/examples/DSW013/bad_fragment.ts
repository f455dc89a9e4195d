const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });  // expect: DSW013
