# jupyterhub_config.py
c = get_config()  # noqa
c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
c.DockerSpawner.image = "jupyter/datascience-notebook:latest"
c.DockerSpawner.extra_host_config = {"privileged": True, "shm_size": "2g"}  # expect: DSD004
c.DockerSpawner.volumes = {  # expect: DSD004
    "jupyterhub-user-{username}": "/home/jovyan/work",
    "/var/run/docker.sock": "/var/run/docker.sock",
}
