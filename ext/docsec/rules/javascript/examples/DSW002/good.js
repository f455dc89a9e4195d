const { exec, execFile, spawn } = require("child_process");
execFile("convert", [req.query.file, "thumb.png"], callback);
spawn("git", ["log", "--oneline", branch]);
exec("ls -l | wc -l", callback);
const LIMIT = 10;
exec(`git log -n ${LIMIT}`);
const match = /(\d+)/.exec(text);
db.exec("CREATE TABLE t (id INTEGER)");
exec(`kill ${parseInt(pid, 10)}`);
