var formatter = new BinaryFormatter();  // expect: DSL003
var order = (Order)formatter.Deserialize(stream);
var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };  // expect: DSL003
var data = new LosFormatter().Deserialize(viewState);  // expect: DSL003
