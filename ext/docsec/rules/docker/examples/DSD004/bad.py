import docker

client = docker.from_env()
builder = client.containers.run(  # expect: DSD004
    "ci/builder:2.3",
    command="make release",
    detach=True,
    volumes=["/var/run/docker.sock:/var/run/docker.sock", "./src:/src"],
)
sniffer = client.containers.run("net/sniffer:0.9", network_mode="host", cap_add=["NET_ADMIN"], detach=True)  # expect: DSD004
debugger = client.containers.create("tools/gdb:13", cap_add=["SYS_PTRACE"], pid_mode="host")  # expect: DSD004

api = docker.APIClient(base_url="unix://var/run/docker.sock")
config = api.create_host_config(privileged=True, binds={"/": {"bind": "/host", "mode": "ro"}})  # expect: DSD004
