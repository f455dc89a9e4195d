import shlex

from fabric import Connection
from invoke import task


@task
def clean(c, target="build"):
    c.run(f"rm -rf {shlex.quote(target)}")


@task
def test(c):
    c.run("pytest -q")


def deploy(host, branch):
    conn = Connection(host)
    conn.sudo("git checkout " + shlex.quote(branch))
