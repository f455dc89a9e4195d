try:
    from yaml import CLoader as Loader, load
except ImportError:
    from yaml import Loader, load

with open("pipeline.yaml") as f:
    pipeline = load(f, Loader=Loader)  # expect: DSP008
