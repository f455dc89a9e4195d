ObjectInputStream in = new ObjectInputStream(request.getInputStream());  // expect: DSL003
Order order = (Order) in.readObject();
XMLDecoder decoder = new XMLDecoder(new FileInputStream(upload));  // expect: DSL003
Object restored = xstream.fromXML(body);  // expect: DSL003
Yaml yaml = new Yaml();
Map<String, Object> config = yaml.load(input);  // expect: DSL003
