using var aes = Aes.Create();
aes.Key = key;
aes.IV = new byte[16];  // expect: DSL008
