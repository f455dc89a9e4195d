cmd := exec.Command("ls", "-l", dir)
out, err := exec.CommandContext(ctx, "grep", pattern, "app.log").Output()
cmd2 := exec.Command("sh", "-c", "ls -l | wc -l")
