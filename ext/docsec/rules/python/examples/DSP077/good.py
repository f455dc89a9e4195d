import keras
import torch

model = keras.models.load_model("downloaded.keras")
model = keras.models.load_model("downloaded.keras", safe_mode=True)
detector = torch.hub.load("pytorch/vision", "resnet50", trust_repo="check")
store = FAISS.load_local("index", embeddings, allow_dangerous_deserialization=False)
