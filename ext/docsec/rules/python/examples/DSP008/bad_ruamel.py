from ruamel.yaml import YAML

yaml = YAML(typ="unsafe")  # expect: DSP008
data = yaml.load(path)
