<p>Hello, <c:out value="${param.name}"/></p>
<img src="<c:url value='/img/logo.png'/>">
