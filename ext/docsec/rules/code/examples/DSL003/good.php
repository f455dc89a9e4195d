<?php
$prefs = json_decode($_COOKIE["prefs"], true);
$cart = unserialize($data, ["allowed_classes" => false]);
$defaults = unserialize('a:1:{s:5:"theme";s:4:"dark";}');
