protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/html");
    PrintWriter out = response.getWriter();
    out.println("<p>Results for " + request.getParameter("q") + "</p>");  // expect: DSL011
}
