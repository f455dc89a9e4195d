powershell -ExecutionPolicy Bypass -File .\build.ps1
