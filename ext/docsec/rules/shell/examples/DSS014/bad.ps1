Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False  # expect: DSS014
netsh advfirewall set allprofiles state off  # expect: DSS014
Set-MpPreference -DisableRealtimeMonitoring $true  # expect: DSS014
