import os
import subprocess

os.system("ping -c 1 " + host)  # expect: DSP002
listing = os.popen(f"ls -la {directory}").read()  # expect: DSP002
status, output = subprocess.getstatusoutput("du -sh %s" % path)  # expect: DSP002
os.execvp("sh", ["sh", "-c", command])  # expect: DSP002
