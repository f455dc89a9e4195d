let out = Command::new("sh").arg("-c").arg("ls ".to_string() + &dir).output()?;  // expect: DSL001
