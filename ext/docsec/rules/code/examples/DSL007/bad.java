private static final String API_KEY = "k8Jz2vQw9rTn4LpX7sYbQ3mC";  // expect: DSL007
String password = "Wint3r-2024!";  // expect: DSL007
dataSource.setPassword("S3cure#Pass9");  // expect: DSL007
