import paramiko


def ping_from(host, target):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, username="monitor", key_filename="/etc/monitor/id_ed25519")
    stdin, stdout, stderr = client.exec_command("ping -c 1 " + target)  # expect: DSP002
    return stdout.read()


def tail(channel, log_name, lines):
    channel.exec_command(f"tail -n {lines} /var/log/{log_name}")  # expect: DSP002
