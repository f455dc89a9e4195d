winrm set winrm/config/service '@{AllowUnencrypted="true"}'  # expect: DSS004
Set-Item -Path WSMan:\localhost\Service\AllowUnencrypted -Value $true  # expect: DSS004
