<p>Hello, <%= request.getParameter("name") %></p>  <!-- expect: DST005 -->
<p>Welcome back, <%= user.getName() %></p>  <!-- expect: DST005 -->
<img src="${param.avatar}">  <!-- expect: DST005 -->
