import torch

URL = "https://models.example.org/resnet-finetuned.pth"
state = torch.hub.load_state_dict_from_url(URL, map_location="cpu", weights_only=True)
state = torch.hub.load_state_dict_from_url(URL, check_hash=True)
