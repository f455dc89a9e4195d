"""The Dockerfile view: instructions, continuations, heredocs and RUN shell lines."""

from __future__ import annotations

from docsec.languages.dockerfile import DockerfileView

DOCKERFILE = """\
# syntax=docker/dockerfile:1
FROM python:3.12-slim AS base
RUN apt-get update && \\
    # a comment inside the continuation
    apt-get install -y curl
RUN <<EOT
set -eux
curl -fsSL https://example.com/setup.sh -o setup.sh
EOT
ADD --checksum=sha256:abc https://example.com/tool /usr/local/bin/tool
CMD ["jupyter", "lab", "--ServerApp.token="]
USER app  # annotated in the docs
"""


def test_instructions_with_first_lines_and_keywords() -> None:
    view = DockerfileView(DOCKERFILE)
    assert [(i.line, i.keyword) for i in view.instructions] == [
        (2, "FROM"), (3, "RUN"), (6, "RUN"), (10, "ADD"), (11, "CMD"), (12, "USER"),
    ]


def test_continuation_skips_comment_lines() -> None:
    run = DockerfileView(DOCKERFILE).instructions[1]
    assert run.arguments.split() == ["apt-get", "update", "&&", "apt-get", "install", "-y", "curl"]


def test_heredoc_body_becomes_shell_lines_with_their_own_numbers() -> None:
    lines = DockerfileView(DOCKERFILE).shell_lines()
    assert (7, "set -eux") in lines
    assert (8, "curl -fsSL https://example.com/setup.sh -o setup.sh") in lines
    assert all("FROM" not in text for _, text in lines)


def test_exec_form_is_joined_with_quoting() -> None:
    cmd = DockerfileView(DOCKERFILE).instructions_named("CMD")[0]
    assert cmd.shell_text() == "jupyter lab --ServerApp.token="


def test_flags_and_trailing_comment() -> None:
    view = DockerfileView(DOCKERFILE)
    assert view.instructions_named("ADD")[0].flags == {"checksum": "sha256:abc"}
    assert view.instructions_named("USER")[0].arguments == "app"


def test_escape_directive() -> None:
    view = DockerfileView("# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN echo a `\n    b\n")
    assert view.instructions[-1].arguments == "echo a  b"
