import os
import pickle

import joblib

cache_file = os.path.join(output_dir, "features.pkl")
with open(cache_file, "wb") as out:
    pickle.dump(features, out)

with open(cache_file, "rb") as src:
    features = pickle.load(src)

joblib.dump(clf, args.model_path)
clf = joblib.load(args.model_path)
