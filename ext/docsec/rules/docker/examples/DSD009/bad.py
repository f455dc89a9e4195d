import docker
from python_on_whales import docker as whales

client = docker.from_env()
client.containers.run("redis:7", detach=True, ports={"6379/tcp": 6379})  # expect: DSD009
whales.run("redis/redis-stack-server:latest", detach=True, publish=[(6379, 6379)])  # expect: DSD009
