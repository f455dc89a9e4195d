Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled True
New-NetFirewallRule -DisplayName "App" -Direction Inbound -LocalPort 8080 -Protocol TCP -Action Allow
netsh advfirewall set allprofiles state on
Set-MpPreference -DisableRealtimeMonitoring $false
