<?php
system("convert " . escapeshellarg($_GET["file"]) . " thumb.png");
$output = shell_exec("ls -l /tmp");
$process = new Symfony\Component\Process\Process(["convert", $file, "thumb.png"]);
$stmt->exec();
