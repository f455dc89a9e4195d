use std::process::Command;

fn thumbnail(file: &str) -> std::io::Result<()> {
    let cmd = format!("convert {} thumb.png", file);
    Command::new("sh").arg("-c").arg(&cmd).status()?;  // expect: DSL001
    Command::new("bash").args(["-c", &format!("tar xf {file}")]).output()?;  // expect: DSL001
    Ok(())
}
