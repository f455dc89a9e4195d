protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/html");
    PrintWriter out = response.getWriter();
    out.println("<p>Results for " + Encode.forHtml(request.getParameter("q")) + "</p>");
    out.println("<p>Done</p>");
}
