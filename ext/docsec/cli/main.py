"""The ``docsec`` command: ``check``, ``rules``, ``explain``, ``report`` and ``myst-plugin``.

:func:`main` takes ``argv`` and returns the exit code (0 clean, 1 unmarked
findings, 2 usage, configuration or input errors); it never lets argparse or
a configuration error end the process itself, so tests call it in-process.
Only what a subcommand needs is imported, and only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from .. import __version__

FORMATS = ("text", "json", "sarif", "github")
SEVERITIES = ("info", "low", "medium", "high", "critical")
PROFILES = ("default", "audit")

CHECK_EPILOG = """\
exit codes:
  0  no unmarked finding fails the gate
  1  unmarked findings (not marked as insecure examples, not suppressed, not baselined)
  2  usage, configuration or input errors; these dominate: findings in the
     other files are still reported, but the exit code is 2

configuration: [tool.docsec] in the nearest pyproject.toml (or --config);
options given here override it.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docsec", description="Find insecure code examples in documentation.")
    parser.add_argument("--version", action="version", version=f"docsec {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check", help="scan .md, .rst, .txt and .ipynb files; fail on unmarked insecure examples",
        description="Scan documentation files for insecure code examples.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", action="append", metavar="IDS",
                       help="only run these rule ids, prefixes or symbols (comma list; replaces `select`)")
    check.add_argument("--ignore", action="append", metavar="IDS",
                       help="do not run these rule ids, prefixes or symbols (comma list; replaces `ignore`)")
    check.add_argument("--min-severity", choices=SEVERITIES, help="only run rules of at least this severity")
    check.add_argument("--profile", choices=PROFILES, help="`audit` adds noisier Bandit-style rules")
    check.add_argument("--fail-on", choices=("unmarked", "never"),
                       help="`never` reports without failing (exit 0 unless input errors)")
    check.add_argument("--baseline", metavar="FILE", help="findings recorded in FILE are baselined: shown, never failing")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record the current unmarked findings in FILE (and pass on them)")
    check.add_argument("--show-marked", action="store_true",
                       help="also list marked, suppressed and baselined findings")
    check.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                       help="scan files in N processes (0: one per CPU; default: one per CPU from 16 files, "
                            "else 1)")
    check.add_argument("-q", "--quiet", action="store_true", help="print only the summary, nothing on success")
    check.add_argument("-v", "--verbose", action="store_true",
                       help="also show blocks that could not be fully analysed")
    check.add_argument("--config", metavar="PATH", help="pyproject.toml to read (default: the nearest one upward)")
    check.add_argument("--root", metavar="DIR",
                       help="project root the baseline's paths are relative to (default: the folder of the "
                            "pyproject.toml in use)")
    fixing = check.add_argument_group("rewriting (see `Migrating an existing site` in the docs)")
    fixing.add_argument("--fix", action="store_true",
                        help="rewrite flagged blocks that a legacy marker accepts (and those you confirm) into "
                             "docsec's own markers, then check again")
    fixing.add_argument("--diff", action="store_true", help="show what --fix would change as a diff; write nothing")
    fixing.add_argument("--mark", action="append", metavar="PATH:LINE",
                        help="also mark this flagged block (PATH:LINE or PATH:cell N as printed); repeatable")
    fixing.add_argument("-i", "--interactive", action="store_true",
                        help="ask about each other unmarked flagged block whether it is deliberate, and its reason")
    fixing.add_argument("--guidance", action="store_true",
                        help="also lift top-level paragraphs with RFC 2119 keywords (MUST, SHOULD, ...) into "
                             "`security` directives")

    rules = commands.add_parser("rules", help="list the rules", description="List docsec's rules.")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--profile", choices=PROFILES, default="default",
                       help="`audit` also lists the audit-only rules, marked as such")

    explain = commands.add_parser("explain", help="show a rule's documentation",
                                  description="Show a rule's documentation.")
    explain.add_argument("rule", metavar="RULE", help="rule id (DSP014) or symbol (bind-all-interfaces)")

    from .report_cmd import add_parser as report_parser

    report_parser(commands)

    plugin = commands.add_parser("myst-plugin", help="set up the mystmd / Jupyter Book 2 plugin",
                                 description="Set up docsec's plugin in a mystmd / Jupyter Book 2 project.")
    actions = plugin.add_subparsers(dest="plugin_action", metavar="ACTION", required=True)
    from ..mystmd.install import build_parser as install_parser

    install_parser(actions.add_parser("install", help="copy docsec.mjs into the project and print the myst.yml lines"))
    return parser


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def main(argv: Optional[Sequence[str]] = None) -> int:
    stdout, stderr = sys.stdout, sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, --version, or a usage error (already printed)
        return exit.code if isinstance(exit.code, int) else 2
    if args.command is None:
        parser.print_usage(stderr)
        stderr.write("docsec: error: name a command: check, rules, explain, report or myst-plugin (docsec --help)\n")
        return 2

    from .check import UsageError

    try:
        if args.command == "check":
            from .check import run
            return run(args, stdout, stderr)
        if args.command == "report":
            from .report_cmd import run as run_report
            return run_report(args, stdout, stderr)
        if args.command == "myst-plugin":
            from ..mystmd.install import run as run_install
            return run_install(args, stdout, stderr)
        from .rules_cmd import run_explain, run_rules
        return (run_rules if args.command == "rules" else run_explain)(args, stdout, stderr)
    except UsageError as error:  # (a key of myst.yml or a path may hold control characters)
        from ..escaping import printable

        stderr.write(f"docsec: error: {printable(str(error))}\n")
        return 2
    except BrokenPipeError:  # `docsec check | head`
        return 1
