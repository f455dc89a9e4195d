import paramiko

client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # expect: DSP027
client.connect(hostname, username="deploy", key_filename=key_path)
other = paramiko.SSHClient()
other.set_missing_host_key_policy(paramiko.AutoAddPolicy)  # expect: DSP027
