$credential = Get-Credential -UserName admin -Message "Administrator password"
$password = Read-Host -AsSecureString -Prompt "Password"
$secure = ConvertTo-SecureString "<your-password>" -AsPlainText -Force
$plain = ConvertTo-SecureString $env:ADMIN_PASSWORD -AsPlainText -Force
