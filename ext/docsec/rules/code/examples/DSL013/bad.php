<?php
$token = md5(uniqid(rand(), true));  // expect: DSL013
$otp = mt_rand(100000, 999999);  // expect: DSL013
