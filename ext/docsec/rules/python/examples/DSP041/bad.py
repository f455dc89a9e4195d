import os
import subprocess

subprocess.run(["git", "clone", repo_url, target])  # expect: DSP041
proc = subprocess.Popen(args, stdout=subprocess.PIPE)  # expect: DSP041
os.execv(program, [program, "--serve"])  # expect: DSP041
