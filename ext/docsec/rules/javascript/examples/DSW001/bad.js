const total = eval(req.query.expression);  // expect: DSW001
const add = new Function("a", "b", body);  // expect: DSW001
const getter = Function("return this." + field);  // expect: DSW001
setTimeout("refresh('" + panel + "')", 1000);  // expect: DSW001
window.setInterval(`poll(${id})`, 5000);  // expect: DSW001
const vm = require("node:vm");
vm.runInNewContext(userCode, sandbox);  // expect: DSW001
const script = new vm.Script(source);  // expect: DSW001
setTimeout(req.query.callback, 100);  // expect: DSW001
