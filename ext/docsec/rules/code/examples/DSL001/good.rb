system("convert", params[:file], "thumb.png")
stdout, status = Open3.capture2("git", "log", branch)
files = `ls -l /tmp`
system("ls #{Shellwords.escape(dir)}")
