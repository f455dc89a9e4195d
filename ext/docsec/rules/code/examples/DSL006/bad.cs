using var md5 = MD5.Create();
var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(model.Password));  // expect: DSL006
var digest = SHA256.HashData(Encoding.UTF8.GetBytes(password));  // expect: DSL006
