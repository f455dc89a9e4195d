import json
import pickle

import numpy as np

blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
with open("settings.json") as f:
    settings = json.load(f)
copy = pickle.loads(pickle.dumps(obj))
arr = np.load("weights.npy")
joblib.dump(clf, "model.joblib")
frame = pd.read_parquet("data.parquet")
