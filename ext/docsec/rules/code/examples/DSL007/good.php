<?php
$config = ['username' => 'app', 'password' => getenv('DB_PASSWORD')];
$apiKey = "your-api-key";
