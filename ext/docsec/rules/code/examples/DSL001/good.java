Process p = new ProcessBuilder("ping", "-c", "1", host).start();
Runtime.getRuntime().exec(new String[] {"ls", "-l", dir});
Runtime.getRuntime().exec("ls -l /tmp");
ProcessBuilder pb = new ProcessBuilder("sh", "-c", "ls -l | wc -l");
