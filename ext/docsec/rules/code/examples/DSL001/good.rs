use std::process::Command;

fn thumbnail(file: &str) -> std::io::Result<()> {
    Command::new("convert").arg(file).arg("thumb.png").status()?;
    Command::new("sh").arg("-c").arg("ls -l /tmp").status()?;
    Ok(())
}
