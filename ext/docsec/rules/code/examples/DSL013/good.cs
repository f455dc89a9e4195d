var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
var rng = new Random();
var delay = rng.Next(100, 500);
