Invoke-WebRequest -Uri https://example.com/install.ps1 -OutFile install.ps1
Get-FileHash .\install.ps1 -Algorithm SHA256
.\install.ps1
$data = Invoke-RestMethod https://api.example.com/v1/items
