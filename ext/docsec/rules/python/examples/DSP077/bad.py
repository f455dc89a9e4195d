import keras
import torch
from langchain_community.vectorstores import FAISS

model = keras.models.load_model("downloaded.keras", safe_mode=False)  # expect: DSP077
detector = torch.hub.load("someone/yolo-fork", "custom", trust_repo=True)  # expect: DSP077
store = FAISS.load_local("index", embeddings, allow_dangerous_deserialization=True)  # expect: DSP077
agent = create_pandas_dataframe_agent(llm, df, allow_dangerous_code=True)  # expect: DSP077
