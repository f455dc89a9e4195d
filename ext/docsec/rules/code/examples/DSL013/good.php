<?php
$token = bin2hex(random_bytes(32));
$otp = random_int(100000, 999999);
$color = $colors[mt_rand(0, 3)];
