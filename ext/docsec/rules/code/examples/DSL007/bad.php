<?php
$config = ['username' => 'app', 'password' => 'Wint3r-2024!'];  // expect: DSL007
$apiKey = "sk_live_51Hx9aK2eZvKYlo2C8f3b7TQm";  // expect: DSL007 DSC002
