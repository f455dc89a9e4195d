    query = request.args["q"]
    cmd = "grep -rn {} docs/".format(query)
    output = subprocess.check_output(cmd, shell=True, text=True)  # expect: DSP001
    return output
