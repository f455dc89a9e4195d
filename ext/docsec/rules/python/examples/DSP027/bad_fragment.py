ssh.set_missing_host_key_policy(WarningPolicy())  # expect: DSP027
conn = await asyncssh.connect(host, known_hosts=None)  # expect: DSP027
