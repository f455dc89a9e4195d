response.sendRedirect(request.getParameter("url"));  // expect: DSL005
String next = request.getParameter("next");
response.sendRedirect(next);  // expect: DSL005
