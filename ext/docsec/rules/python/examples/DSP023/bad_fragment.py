for member in tar.getmembers():
    if member.isfile():
        tar.extract(member, "output")  # expect: DSP023
