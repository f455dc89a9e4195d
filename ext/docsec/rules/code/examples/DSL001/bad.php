<?php
system("convert " . $_GET["file"] . " thumb.png");  // expect: DSL001
$output = shell_exec("grep $pattern /var/log/app.log");  // expect: DSL001
exec($_POST["cmd"]);  // expect: DSL001
$list = `ls -l $dir`;  // expect: DSL001
passthru(sprintf("ping -c 1 %s", $host));  // expect: DSL001
