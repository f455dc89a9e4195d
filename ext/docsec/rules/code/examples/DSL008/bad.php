<?php
$sealed = openssl_encrypt($data, "des-ede3-cbc", $key, 0, $iv);  // expect: DSL008
$blocks = openssl_encrypt($data, "aes-128-ecb", $key);  // expect: DSL008
