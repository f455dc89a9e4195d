from fabric import Connection
from invoke import task


@task
def clean(c, target="build"):
    c.run(f"rm -rf {target}")  # expect: DSP002


@task
def replace(c, path, search, replacement):
    c.run("sed -i 's/{}/{}/g' {}".format(search, replacement, path))  # expect: DSP002


def deploy(host, branch):
    conn = Connection(host)
    conn.sudo("git checkout " + branch)  # expect: DSP002
