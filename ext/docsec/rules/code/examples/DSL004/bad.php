<?php
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);  // expect: DSL004
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);  // expect: DSL004
$client = new GuzzleHttp\Client(["verify" => false]);  // expect: DSL004
$context = stream_context_create(["ssl" => [
    "verify_peer" => false,  // expect: DSL004
]]);
