import os
import stat
from pathlib import Path

os.chmod("deploy.sh", 0o755)
os.chmod(key_path, 0o600)
Path("notes.txt").chmod(0o644)
st = os.stat(script)
os.chmod(script, st.st_mode | stat.S_IEXEC)
os.chmod(private, stat.S_IRUSR | stat.S_IWUSR)
os.makedirs(upload_dir, exist_ok=True)
os.umask(0o077)
sftp.chmod(remote_path, 0o644)
