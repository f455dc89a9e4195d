Path base = Paths.get("/var/reports").toRealPath();
Path report = base.resolve(request.getParameter("file")).normalize();
if (!report.startsWith(base)) {
    throw new SecurityException("outside the reports folder");
}
File fixed = new File("/var/reports/summary.txt");
