from ruamel.yaml import YAML

yaml = YAML(typ="safe")
data = yaml.load(path)
rt = YAML()
document = rt.load(text)
