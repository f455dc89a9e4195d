Process.Start("cmd.exe", "/c dir " + path);  // expect: DSL001
Process.Start($"git log {branch}");  // expect: DSL001
var info = new ProcessStartInfo("bash", "-c \"convert " + file + " out.png\"");  // expect: DSL001
