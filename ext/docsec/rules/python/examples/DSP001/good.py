import shlex
import subprocess

subprocess.run(["ls", "-l"], check=True)
subprocess.run("ls -l | wc -l", shell=True, check=True)
subprocess.run(f"grep -rn {shlex.quote(pattern)} docs/", shell=True, check=True)
for tool in ["black", "ruff"]:
    subprocess.run(f"{tool} --version", shell=True)
result = subprocess.run(["git", "status", "--short"], capture_output=True, text=True)
print(result.stdout)
