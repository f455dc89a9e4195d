import torch
from safetensors.torch import load_file

torch.save(model.state_dict(), PATH)
model.load_state_dict(torch.load(PATH, weights_only=True))
scripted = torch.jit.load("model_scripted.pt")
state = load_file("model.safetensors")
model.eval()
