Invoke-WebRequest https://example.com/install.ps1 -OutFile install.ps1
(Get-FileHash install.ps1 -Algorithm SHA256).Hash
.\install.ps1
$command = "Get-Process"
Invoke-Expression $command
