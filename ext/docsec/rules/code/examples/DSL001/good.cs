var info = new ProcessStartInfo("convert");
info.ArgumentList.Add(file);
info.ArgumentList.Add("out.png");
Process.Start(info);
Process.Start("notepad.exe", path);
