const total = Number.parseFloat(req.query.expression);
const config = JSON.parse(text);
const answer = eval("6 * 7");
setTimeout(() => refresh(panel), 1000);
setTimeout(refresh, 1000, panel);
setInterval("tick()", 1000);
model.eval();
const fn = new Function("a", "b", "return a + b");
setTimeout(refresh, 100);
