const { exec, execSync, spawn } = require("child_process");
exec(`convert ${req.query.file} thumb.png`, callback);  // expect: DSW002
execSync("git log --oneline " + branch);  // expect: DSW002
spawn("sh", ["-c", `tar czf ${name}.tgz ${name}`]);  // expect: DSW002
spawn(`ls ${dir}`, { shell: true });  // expect: DSW002
const cmd = "du -sh " + directory;
exec(cmd);  // expect: DSW002
var path = 'user input';
child_process.exec('ls -l ' + path, function (err, data) {  // expect: DSW002
  console.log(data);
});
