Import-Certificate -FilePath .\internal-ca.cer -CertStoreLocation Cert:\CurrentUser\Root
Invoke-RestMethod https://internal.example.com/api
[System.Net.ServicePointManager]::SecurityProtocol = [System.Net.SecurityProtocolType]::Tls12
