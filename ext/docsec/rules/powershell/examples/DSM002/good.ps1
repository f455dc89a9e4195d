Invoke-WebRequest https://example.com/setup.ps1 -OutFile setup.ps1
Get-AuthenticodeSignature .\setup.ps1
Set-ExecutionPolicy RemoteSigned -Scope CurrentUser
