<?php
include($_GET["page"] . ".php");  // expect: DSL010
require_once $_REQUEST["module"];  // expect: DSL010
eval($_POST["expression"]);  // expect: DSL010
$code = $_GET["code"];
eval($code);  // expect: DSL010
$out = preg_replace("/(.*)/e", "strtoupper('\\1')", $_GET["text"]);  // expect: DSL010
