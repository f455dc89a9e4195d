sum := md5.Sum([]byte(password))  // expect: DSL006
h := sha1.New()
h.Write([]byte(req.Password))  // expect: DSL006
