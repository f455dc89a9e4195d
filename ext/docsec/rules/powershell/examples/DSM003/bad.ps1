Set-ItemProperty -Path "HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender" -Name DisableAntiSpyware -Value 1  # expect: DSM003
New-ItemProperty -Path "HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender\Real-Time Protection" -Name DisableRealtimeMonitoring -Value 1 -PropertyType DWord  # expect: DSM003
Set-MpPreference -DisableBehaviorMonitoring $true  # expect: DSM003
Add-MpPreference -ExclusionPath "C:\"  # expect: DSM003
