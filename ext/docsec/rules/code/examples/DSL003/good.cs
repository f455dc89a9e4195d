var order = JsonSerializer.Deserialize<Order>(json);
var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
