DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();  // expect: DSL014
DocumentBuilder builder = factory.newDocumentBuilder();
Document document = builder.parse(request.getInputStream());
