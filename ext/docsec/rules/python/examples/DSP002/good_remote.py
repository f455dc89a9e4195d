import shlex

import paramiko


def ping_from(host, target):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, username="monitor", key_filename="/etc/monitor/id_ed25519")
    stdin, stdout, stderr = client.exec_command("ping -c 1 " + shlex.quote(target))
    return stdout.read()


def uptime(client):
    return client.exec_command("uptime")
