import os
import stat
from pathlib import Path

os.chmod("deploy.sh", 0o777)  # expect: DSP029
os.chmod(path, 511)  # expect: DSP029
os.chmod(socket_path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)  # expect: DSP029
Path("shared/notes.txt").chmod(0o666)  # expect: DSP029
os.makedirs(upload_dir, mode=0o777, exist_ok=True)  # expect: DSP029
st = os.stat(script)
os.chmod(script, st.st_mode | stat.S_IWOTH)  # expect: DSP029
