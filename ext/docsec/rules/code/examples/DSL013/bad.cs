var rng = new Random();
var apiKey = rng.Next().ToString("x");  // expect: DSL013
