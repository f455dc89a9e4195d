<?php
$hash = password_hash($_POST["password"], PASSWORD_DEFAULT);
$etag = md5($body);
$key = hash("sha256", $cacheKey);
