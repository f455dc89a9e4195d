import asyncssh
import paramiko

client = paramiko.SSHClient()
client.load_system_host_keys()
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect(hostname, username="deploy", key_filename=key_path)


async def main():
    async with asyncssh.connect(host, known_hosts="~/.ssh/known_hosts") as conn:
        await conn.run("uname -a")
