<?php
$pages = ["home" => "home.php", "about" => "about.php"];
include($pages[$_GET["page"]] ?? "home.php");
require_once __DIR__ . "/vendor/autoload.php";
include "header.php";
eval("return 1 + 1;");
$out = preg_replace_callback("/(.*)/", fn ($m) => strtoupper($m[1]), $_GET["text"]);
