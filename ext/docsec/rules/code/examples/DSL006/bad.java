MessageDigest md = MessageDigest.getInstance("MD5");
byte[] hash = md.digest(password.getBytes(StandardCharsets.UTF_8));  // expect: DSL006
String stored = DigestUtils.sha256Hex(user.getPassword());  // expect: DSL006
byte[] h = MessageDigest.getInstance("SHA-1").digest(form.password.getBytes());  // expect: DSL006
