import asyncio
import subprocess


def thumbnail(filename):
    subprocess.run(f"convert {filename} -resize 64x64 thumb.png", shell=True)  # expect: DSP001


branch = input("Branch: ")
log = subprocess.check_output("git log --oneline " + branch, shell=True)  # expect: DSP001
proc = subprocess.Popen("tar czf %s.tgz %s" % (name, name), shell=True, stdout=subprocess.PIPE)  # expect: DSP001
subprocess.call(["bash", "-c", "ping -c 1 " + host])  # expect: DSP001


async def run(command):
    proc = await asyncio.create_subprocess_shell(command, stdout=asyncio.subprocess.PIPE)  # expect: DSP001
    return await proc.communicate()
