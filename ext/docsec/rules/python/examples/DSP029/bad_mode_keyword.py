import stat

settings.save_to("runtime/settings.toml", mode=0o666)  # expect: DSP029
store.write_bytes(blob, file_mode=0o777)  # expect: DSP029
sftp_upload(local, remote, permissions=stat.S_IRWXU | stat.S_IRWXO)  # expect: DSP029
cache.ensure_dir("/var/cache/app", dir_mode=511)  # expect: DSP029
