import torch

model.load_state_dict(torch.load(PATH))  # expect: DSP009
checkpoint = torch.load(ckpt_path, map_location="cpu")  # expect: DSP009
state = torch.load(f, weights_only=False)  # expect: DSP009
