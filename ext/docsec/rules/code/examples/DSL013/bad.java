Random random = new Random();
String resetToken = Long.toHexString(random.nextLong());  // expect: DSL013
double sessionId = Math.random();  // expect: DSL013
