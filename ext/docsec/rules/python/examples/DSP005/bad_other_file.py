import pickle

with open(export_path, "wb") as out:
    pickle.dump(results, out)

# Loading a file the snippet did not write itself is still reported.
with open(downloaded_path, "rb") as src:
    shared = pickle.load(src)  # expect: DSP005
