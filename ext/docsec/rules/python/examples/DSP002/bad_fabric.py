from fabric import Connection


def deploy(host, branch):
    Connection(host).run(f"git checkout {branch}")  # expect: DSP002
    web = Connection("web1.example.com")
    web.sudo("systemctl restart " + branch)  # expect: DSP002
