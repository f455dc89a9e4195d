import pickle

import pandas as pd

with open("data.pickle", "wb") as f:
    pickle.dump(data, f, pickle.HIGHEST_PROTOCOL)
with open("data.pickle", "rb") as f:
    restored = pickle.load(f)
df.to_pickle("./dummy.pkl")
unpickled = pd.read_pickle("./dummy.pkl")
