"""## What it does
Finds Kubernetes RBAC that hands out the whole cluster:

* a ``ClusterRoleBinding`` or ``RoleBinding`` whose ``roleRef`` is
  ``cluster-admin`` and whose subjects include a ``ServiceAccount``
  (above all ``default``, which every pod in the namespace uses), or the
  anonymous and catch-all identities ``system:anonymous``,
  ``system:unauthenticated``, ``system:authenticated`` and
  ``system:serviceaccounts``;
* the same made with ``kubectl create clusterrolebinding ...
  --clusterrole=cluster-admin --serviceaccount=...`` (or ``--user`` /
  ``--group`` with those identities);
* a ``ClusterRole`` or ``Role`` rule that allows every verb on every
  resource (``verbs: ["*"]`` with ``resources: ["*"]``).

Binding ``cluster-admin`` to a named person (``--user=alice@example.com``)
is left alone.

## Why is this bad?
A service account token is mounted into every pod that uses the account:
whoever gets code execution in one of those pods (a vulnerable web app, a
malicious image) reads the token and owns the cluster, its secrets and its
nodes.  Binding the anonymous or all-authenticated groups does the same for
anyone who can reach the API server.  A wildcard role is ``cluster-admin``
under another name.

## Example
```yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: default
    namespace: ci
```

## Use instead
```yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: web
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "patch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-deployer
  namespace: web
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deployer
subjects:
  - kind: ServiceAccount
    name: ci-deployer
    namespace: ci
```

## References
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [Kubernetes: RBAC good practices](https://kubernetes.io/docs/concepts/security/rbac-good-practices/)
"""

from __future__ import annotations

from typing import Iterator, Union

from ...languages.shell import ShellView
from ...languages.yaml import Entry, YamlView
from ...model import Hit
from ..registry import rule

ADMIN_ROLES = frozenset({"cluster-admin"})
EVERYONE = frozenset({"system:anonymous", "system:unauthenticated", "system:authenticated", "system:serviceaccounts"})
BINDINGS = frozenset({"ClusterRoleBinding", "RoleBinding"})
ROLES = frozenset({"ClusterRole", "Role"})


@rule(
    id="DSK007",
    symbol="k8s-cluster-admin-binding",
    title="Service account or anonymous users bound to cluster-admin",
    severity="high",
    cwe=269,
    languages=("yaml", "shell"),
    # a binding to cluster-admin (YAML or kubectl), or a role rule whose `verbs` hold "*"
    triggers=("cluster-admin", "verbs"),
    equivalent="kube-linter cluster-admin-role-binding, wildcard-in-rules; Checkov CKV_K8S_49",
    message="grants cluster-admin (or every verb on every resource) to a workload identity or to everyone; "
            "bind a Role with the few verbs and resources needed",
    use_instead="a namespaced Role with explicit apiGroups/resources/verbs, bound to a dedicated ServiceAccount",
)
def check(view: Union[YamlView, ShellView]) -> Iterator[Hit]:
    if isinstance(view, ShellView):
        yield from _kubectl(view)
        return
    lines = view.text.splitlines()
    for document in _documents(view.entries):
        kind = next((e.value for e in document if e.path == ("kind",)), "")
        if kind in BINDINGS:
            role = next((e for e in document if e.path == ("roleRef", "name")), None)
            if role is None or role.value not in ADMIN_ROLES:
                continue
            subjects = [e for e in document if len(e.path) == 2 and e.path[0] == "subjects"]
            kinds = {e.value for e in subjects if e.key == "kind"}
            names = {e.value for e in subjects if e.key == "name"}
            who = next(iter(sorted(names & EVERYONE)), None) or (
                "ServiceAccount " + ("default" if "default" in names else sorted(names)[0] if names else "?")
                if "ServiceAccount" in kinds else None)
            if who:
                yield Hit(role.line, 1, f"`{kind}` gives `cluster-admin` to {who}: a stolen token (or anyone, for "
                          "anonymous groups) controls the whole cluster; bind a Role with only the verbs needed")
        elif kind in ROLES:
            yield from _wildcard_rules(lines, document, kind)


def _documents(entries: list[Entry]) -> Iterator[list[Entry]]:
    """Split a multi-document stream at each top-level ``apiVersion``/``kind`` seen twice."""
    current: list[Entry] = []
    seen: set[str] = set()
    for entry in entries:
        if len(entry.path) == 1 and entry.key in ("apiVersion", "kind"):
            if entry.key in seen:
                yield current
                current, seen = [], set()
            seen.add(entry.key)
        current.append(entry)
    if current:
        yield current


def _wildcard_rules(lines: list[str], document: list[Entry], kind: str) -> Iterator[Hit]:
    """One rule item allows ``*`` verbs on ``*`` resources (items told apart by their ``- `` line)."""
    items: list[list[Entry]] = []
    for entry in document:
        if not entry.path or entry.path[0] != "rules" or len(entry.path) < 2:
            continue
        text = lines[entry.line - 1].lstrip() if entry.line <= len(lines) else ""
        if len(entry.path) == 2 and text.startswith("- ") or not items:
            items.append([])
        items[-1].append(entry)
    for item in items:
        verbs = {e.value for e in item if e.path[1:] == ("verbs", "-")}
        resources = {e.value for e in item if e.path[1:] == ("resources", "-")}
        if "*" in verbs and "*" in resources:
            line = min(e.line for e in item)
            yield Hit(line, 1, f"this `{kind}` rule allows every verb on every resource, which is cluster-admin "
                      "under another name; list the resources and verbs the workload needs")


def _kubectl(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        words = command.words
        if command.program != "kubectl" or "create" not in words or not (
                "clusterrolebinding" in words or "rolebinding" in words):
            continue
        if (command.flag_value("--clusterrole") or "") not in ADMIN_ROLES:
            continue
        accounts = command.flag_values("--serviceaccount")
        everyone = [v for v in command.flag_values("--group", "--user") if v in EVERYONE]
        if accounts or everyone:
            who = everyone[0] if everyone else f"service account {accounts[0]}"
            yield Hit(command.line, 1, f"`kubectl create ... --clusterrole=cluster-admin` gives {who} full control "
                      "of the cluster; create a Role with only the verbs needed and bind that")
