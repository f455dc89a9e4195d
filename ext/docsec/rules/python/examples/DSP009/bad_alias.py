from torch import load as load_checkpoint

def restore(path):
    return load_checkpoint(path)  # expect: DSP009
