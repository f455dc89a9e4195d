[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}  # expect: DSM004
Invoke-RestMethod https://internal.example.com/api -SkipCertificateCheck  # expect: DSM004
[Net.ServicePointManager]::ServerCertificateValidationCallback = { param($s, $c, $ch, $e) return $true }  # expect: DSM004
