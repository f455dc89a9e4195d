block, _ := aes.NewCipher(key)
iv := make([]byte, aes.BlockSize)
mode := cipher.NewCBCEncrypter(block, iv) // expect: DSL008
mode.CryptBlocks(ciphertext, plaintext)
