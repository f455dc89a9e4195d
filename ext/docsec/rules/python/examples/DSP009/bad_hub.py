import torch
from torch.hub import load_state_dict_from_url

URL = "https://models.example.org/resnet-finetuned.pth"
state = load_state_dict_from_url(URL, map_location="cpu", weights_only=False)  # expect: DSP009
legacy = torch.utils.model_zoo.load_url(URL, progress=True, weights_only=False)  # expect: DSP009
