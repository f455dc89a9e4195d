block, err := aes.NewCipher(key)
gcm, err := cipher.NewGCM(block)
