import yaml

config = yaml.load(stream)  # expect: DSP008
data = yaml.load(f, Loader=yaml.Loader)  # expect: DSP008
documents = list(yaml.load_all(text, Loader=yaml.FullLoader))  # expect: DSP008
obj = yaml.unsafe_load(payload)  # expect: DSP008
settings = yaml.full_load(open("settings.yml"))  # expect: DSP008
