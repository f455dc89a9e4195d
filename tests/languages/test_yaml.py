"""The YAML view: key paths, sequences, container commands and the line fallback."""

from __future__ import annotations

from docsec.languages.yaml import YamlView

COMPOSE = """\
services:
  nb:
    image: quay.io/jupyter/base-notebook
    command: ["jupyter", "lab", "--ServerApp.token", ""]
    cap_add: [ALL]
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
"""


def test_entries_have_paths_lines_and_values() -> None:
    view = YamlView(COMPOSE)
    image = next(view.entries_named("image"))
    assert (image.line, image.path, image.value) == (3, ("services", "nb", "image"), "quay.io/jupyter/base-notebook")


def test_sequence_items() -> None:
    view = YamlView(COMPOSE)
    assert [e.value for e in view.items_under("cap_add")] == ["ALL"]
    assert [(e.line, e.value) for e in view.items_under("volumes")] == [(7, "/var/run/docker.sock:/var/run/docker.sock")]


def test_command_lines_join_exec_form() -> None:
    assert YamlView(COMPOSE).command_lines == [(4, "jupyter lab --ServerApp.token ''")]


def test_templates_fall_back_to_indentation_paths() -> None:
    text = (
        "spec:\n"
        "  containers:\n"
        "    - name: x\n"
        "      image: {{ .Values.image }}:{{ .Values.tag }}\n"
        "      securityContext:\n"
        "        capabilities:\n"
        "          add: [\"SYS_ADMIN\"]\n"
        "  volumes:\n"
        "  - name: root\n"
        "    hostPath:\n"
        "      path: /\n"
        "{{- if .Values.debug }}\n"
    )
    entries = YamlView(text).entries
    assert ("spec", "containers", "securityContext", "capabilities", "add", "-") in {e.path for e in entries}
    path = next(e for e in entries if e.key == "path")
    assert (path.line, path.path[-2:], path.value) == (11, ("hostPath", "path"), "/")


def test_multiple_documents() -> None:
    view = YamlView("kind: A\n---\nkind: B\n")
    assert [e.value for e in view.entries_named("kind")] == ["A", "B"]


def test_unsafe_tags_are_never_constructed() -> None:
    view = YamlView("x: !!python/object/apply:os.system ['echo hi']\n")
    assert [e.key for e in view.entries] == ["x", "-"] or [e.key for e in view.entries] == ["x"]


SHAPES = [
    COMPOSE,
    "kind: A\n---\nkind: B\n...\n",
    "base: &base {privileged: true, ports: [80, 443]}\nweb:\n  <<: *base\n  env: {DEBUG: 'yes', EMPTY: null, N: 0x1F}\n",
    "- one\n- {two: 2}\n- - nested\n  - 3.5\n- ? complex key\n  : value\n",
    "text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\nquoted: \"a: b\"\nstamp: 2001-12-14t21:59:43.10-05:00\n",
    "x: !!python/object/apply:os.system ['echo hi']\ny: !custom {a: 1}\n",
    "key: [unclosed\n",  # does not compose: both raise
    "a: 1\na: 2\n",  # a duplicate key composes
]


def _shape(nodes: object) -> object:
    """A composed document as plain data: kinds, scalar values and lines, tags left out."""
    import yaml

    if isinstance(nodes, list):
        return [_shape(node) for node in nodes]
    if isinstance(nodes, yaml.ScalarNode):
        return ("scalar", nodes.value, nodes.start_mark.line)
    if isinstance(nodes, yaml.SequenceNode):
        return ("sequence", [_shape(item) for item in nodes.value], nodes.start_mark.line)
    if isinstance(nodes, yaml.MappingNode):
        return ("mapping", [(_shape(k), _shape(v)) for k, v in nodes.value], nodes.start_mark.line)
    return nodes


def test_the_fast_composer_gives_the_nodes_the_python_composer_gives() -> None:
    import pytest
    import yaml

    from docsec.languages.yaml import FAST_COMPOSER

    if FAST_COMPOSER is None:
        pytest.skip("PyYAML was built without libyaml")
    for text in SHAPES:
        try:
            expected = _shape(list(yaml.compose_all(text, Loader=yaml.SafeLoader)))
        except yaml.YAMLError:
            with pytest.raises(yaml.YAMLError):
                list(yaml.compose_all(text, Loader=FAST_COMPOSER))
            continue
        assert _shape(list(yaml.compose_all(text, Loader=FAST_COMPOSER))) == expected, text
