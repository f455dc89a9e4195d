document.getElementById("greeting").textContent = `Hello, ${name}!`;
list.innerHTML = "";
element.innerHTML = "<p>Loading…</p>";
container.innerHTML = DOMPurify.sanitize(comment.body);
document.write("<p>Static notice</p>");
const node = document.createTextNode(comment.body);

document.write(gettext('this is to be translated'));
document.write(npgettext('group', 'party', 2));
document.write(get_format('DATE_FORMAT'));
$("#message").text(data.message);
$("#message").html("<em>Loading…</em>");
$("#comments").append($("<li>").text(comment.text));
$("#comments").append(listItem);  // an element, not markup
