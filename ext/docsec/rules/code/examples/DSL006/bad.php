<?php
$hash = md5($_POST["password"]);  // expect: DSL006
$stored = sha1($password . $salt);  // expect: DSL006
$digest = hash("sha256", $user->password);  // expect: DSL006
