from tempfile import mktemp

socket_path = mktemp(prefix="agent-")  # expect: DSP015
