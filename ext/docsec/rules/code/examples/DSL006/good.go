hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
sum := sha256.Sum256(data)
