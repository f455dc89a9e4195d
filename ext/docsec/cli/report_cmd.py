"""``docsec report``: turn a build's ``docsec.json`` into an audit summary (Markdown or HTML)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..report.audit import EXPORT_FILE, FORMATS, ExportError, load, render
from .check import UsageError


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser(
        "report", help=f"summarise a build's {EXPORT_FILE} (requirements and findings) for audits",
        description=f"Turn the {EXPORT_FILE} that every Sphinx HTML build writes into a Markdown or HTML "
                    "summary: the security requirements by level, as a checklist, and every finding.",
    )
    report.add_argument("export", metavar="EXPORT", help=f"path to {EXPORT_FILE} (e.g. _build/html/{EXPORT_FILE})")
    report.add_argument("--format", choices=FORMATS, default="markdown", help="summary format (default: markdown)")
    report.add_argument("-o", "--output", metavar="FILE", help="write the summary to FILE instead of stdout")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        data = load(Path(args.export))
    except ExportError as error:
        raise UsageError(str(error)) from None
    text = render(data, args.format)
    if args.output:
        from ..writing import UnsafeWrite, write_file

        try:
            write_file(args.output, text.encode("utf-8"), root=Path.cwd())
        except UnsafeWrite as refused:
            raise UsageError(str(refused)) from None
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
        return 0
    stdout.write(text)
    return 0
