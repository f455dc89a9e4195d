$s = Invoke-RestMethod $url
$s | Invoke-Expression  # expect: DSM001
