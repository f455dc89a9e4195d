document.getElementById("greeting").textContent = `Hello, ${name}!`;
list.innerHTML = "";
element.innerHTML = "<p>Loading…</p>";
container.innerHTML = DOMPurify.sanitize(comment.body);
document.write("<p>Static notice</p>");
const node = document.createTextNode(comment.body);
