import subprocess
import sys

subprocess.run(["ls", "-l"], check=True)
subprocess.run([sys.executable, "-m", "pip", "--version"], check=True)
output = subprocess.check_output(["git", "rev-parse", "HEAD"], text=True)
