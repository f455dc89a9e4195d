import cp from "node:child_process";
import shell from "shelljs";

cp.execSync(util.format("ping -c 1 %s", host));  // expect: DSW002
shell.exec("rm -rf " + target);  // expect: DSW002
