MessageDigest md = MessageDigest.getInstance("SHA-256");
byte[] checksum = md.digest(Files.readAllBytes(path));
PasswordEncoder encoder = new BCryptPasswordEncoder(12);
String stored = encoder.encode(password);
