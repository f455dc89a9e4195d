<?php
$content = file_get_contents("/var/www/uploads/" . $_GET["file"]);  // expect: DSL012
readfile($_GET["path"]);  // expect: DSL012
