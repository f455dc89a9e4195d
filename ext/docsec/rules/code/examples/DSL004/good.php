<?php
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_CAINFO, "/etc/ssl/certs/internal-ca.pem");
$client = new GuzzleHttp\Client(["verify" => "/etc/ssl/certs/internal-ca.pem"]);
