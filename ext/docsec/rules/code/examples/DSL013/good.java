SecureRandom random = new SecureRandom();
byte[] resetToken = new byte[32];
random.nextBytes(resetToken);
Random dice = new Random();
int roll = dice.nextInt(6) + 1;
