import joblib
import numpy as np
import pandas as pd
import pickle

with open(model_path, "rb") as f:
    model = pickle.load(f)  # expect: DSP005
payload = pickle.loads(request.data)  # expect: DSP005
clf = joblib.load("model.joblib")  # expect: DSP005
frame = pd.read_pickle(url)  # expect: DSP005
arrays = np.load("data.npz", allow_pickle=True)  # expect: DSP005
