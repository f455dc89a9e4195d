const name = new URLSearchParams(location.search).get("name");
document.getElementById("greeting").innerHTML = `Hello, ${name}!`;  // expect: DSW004
list.innerHTML += "<li>" + item.title + "</li>";  // expect: DSW004
element.outerHTML = html;  // expect: DSW004
document.write("<p>" + message + "</p>");  // expect: DSW004
container.insertAdjacentHTML("beforeend", comment.body);  // expect: DSW004
const fragment = document.createRange().createContextualFragment(markup);  // expect: DSW004
$("#message").html(data.message);  // expect: DSW004
$("#comments").append("<li>" + comment.author + ": " + comment.text + "</li>");  // expect: DSW004
