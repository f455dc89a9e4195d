import shlex

from fabric import Connection


def deploy(host, branch):
    Connection(host).run(f"git checkout {shlex.quote(branch)}")
    Connection(host).run("systemctl restart web")
