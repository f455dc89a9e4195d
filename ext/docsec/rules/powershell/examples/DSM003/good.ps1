Add-MpPreference -ExclusionPath "C:\BuildAgent\_work"
Set-ItemProperty -Path "HKCU:\Software\Contoso" -Name DisableTelemetry -Value 1
Set-MpPreference -DisableBehaviorMonitoring $false
