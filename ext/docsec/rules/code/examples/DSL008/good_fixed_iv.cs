using var aes = Aes.Create();
aes.Key = key;
aes.GenerateIV();
