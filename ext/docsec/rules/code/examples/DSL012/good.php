<?php
$content = file_get_contents("/var/www/uploads/" . basename($_GET["file"]));
$config = file_get_contents(__DIR__ . "/config.json");
