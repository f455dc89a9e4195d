String host = request.getParameter("host");
Process p = Runtime.getRuntime().exec("ping -c 1 " + host);  // expect: DSL001
Runtime runtime = Runtime.getRuntime();
runtime.exec(String.format("tar czf %s.tgz %s", name, name));  // expect: DSL001
ProcessBuilder pb = new ProcessBuilder("sh", "-c", "grep " + pattern + " /var/log/app.log");  // expect: DSL001
