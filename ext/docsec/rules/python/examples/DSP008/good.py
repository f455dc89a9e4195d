import yaml

with open("config.yml") as f:
    config = yaml.safe_load(f)
data = yaml.load(stream, Loader=yaml.SafeLoader)
fast = yaml.load(stream, yaml.CSafeLoader)
documents = list(yaml.safe_load_all(text))
print(yaml.dump(config, sort_keys=False))
