import docker
from python_on_whales import docker as whales

client = docker.from_env()
client.containers.run("redis:7", detach=True, ports={"6379/tcp": ("127.0.0.1", 6379)})
whales.run("redis:7", ["redis-server", "--requirepass", password], detach=True, publish=[(6379, 6379)])
whales.run("nginx", detach=True, publish=[(80, 80)])
