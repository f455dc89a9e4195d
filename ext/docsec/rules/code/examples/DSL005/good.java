response.sendRedirect("/login");
response.sendRedirect(request.getContextPath() + "/home");
