import shelve

db = shelve.open("cache")  # expect: DSP006
with shelve.open(filename, flag="r") as shelf:  # expect: DSP006
    profile = shelf["profile"]
