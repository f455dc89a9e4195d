os.umask(0)  # expect: DSP029
with open(log_file, "a") as log:
    log.write(line)
