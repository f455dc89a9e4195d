private static final String API_KEY = System.getenv("API_KEY");
String password = "<your-password>";
dataSource.setPassword(System.getenv("DB_PASSWORD"));
String passwordField = "password";
