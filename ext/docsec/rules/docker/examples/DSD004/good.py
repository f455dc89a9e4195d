import docker

client = docker.from_env()
worker = client.containers.run(
    "ci/builder:2.3",
    command="make release",
    detach=True,
    cap_drop=["ALL"],
    cap_add=["NET_BIND_SERVICE"],
    security_opt=["no-new-privileges"],
    network_mode="bridge",
    volumes={"builder-cache": {"bind": "/cache", "mode": "rw"}, "/srv/src": {"bind": "/src", "mode": "ro"}},
)

c = get_config()  # noqa
c.DockerSpawner.extra_host_config = {"mem_limit": "4g", "cpu_quota": 100000}
c.DockerSpawner.volumes = {"jupyterhub-user-{username}": "/home/jovyan/work"}
c.DockerSpawner.network_name = "jupyterhub-net"
