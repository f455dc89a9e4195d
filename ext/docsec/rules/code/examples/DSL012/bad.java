String name = request.getParameter("file");
File report = new File("/var/reports/" + name);  // expect: DSL012
byte[] data = Files.readAllBytes(Paths.get("/var/reports", request.getParameter("other")));  // expect: DSL012
