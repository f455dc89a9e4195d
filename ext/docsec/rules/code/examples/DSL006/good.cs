var hasher = new PasswordHasher<User>();
var hash = hasher.HashPassword(user, model.Password);
var etag = SHA256.HashData(File.ReadAllBytes(path));
