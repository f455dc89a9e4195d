import os
import platform
import sys
import subprocess

os.system("clear")
kernel = os.popen("uname -a").read()
subprocess.run(["ping", "-c", "1", "example.com"], check=True)
print(platform.system(), os.path.join("a", "b"))
os.execvp("python", ["python", "-V"])
os.system("cls" if os.name == "nt" else "clear")
os.system(f"{sys.executable} -m pip --version")
