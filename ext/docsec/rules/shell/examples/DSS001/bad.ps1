irm https://example.com/install.ps1 | iex  # expect: DSS001
iex (irm https://example.com/install.ps1)  # expect: DSS001
Invoke-Expression (Invoke-WebRequest -UseBasicParsing https://example.com/i.ps1).Content  # expect: DSS001
iex ((New-Object System.Net.WebClient).DownloadString('https://example.com/install.ps1'))  # expect: DSS001
powershell -ExecutionPolicy ByPass -c "irm https://example.com/install.ps1 | iex"  # expect: DSS001 DSM002
