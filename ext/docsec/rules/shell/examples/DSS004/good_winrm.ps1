winrm quickconfig -transport:https
Set-Item -Path WSMan:\localhost\Service\AllowUnencrypted -Value $false
Get-Item -Path WSMan:\localhost\Service\AllowUnencrypted
