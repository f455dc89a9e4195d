cmd := exec.Command("sh", "-c", "ls "+dir)  // expect: DSL001
out, err := exec.CommandContext(ctx, "bash", "-c", fmt.Sprintf("grep %s app.log", pattern)).Output()  // expect: DSL001
