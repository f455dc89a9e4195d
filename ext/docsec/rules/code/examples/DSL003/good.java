ObjectMapper mapper = new ObjectMapper();
Order order = mapper.readValue(request.getInputStream(), Order.class);
Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
Map<String, Object> config = yaml.load(input);
