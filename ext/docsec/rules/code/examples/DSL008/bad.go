block, err := des.NewTripleDESCipher(key)  // expect: DSL008
stream, _ := rc4.NewCipher(key)  // expect: DSL008
