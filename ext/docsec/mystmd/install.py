"""``docsec myst-plugin install [DIR]``: put ``docsec.mjs`` into a mystmd project.

mystmd loads JavaScript plugins only from ``.mjs`` files named in myst.yml
(relative to it) or by URL, so the plugin is copied next to myst.yml and the
user adds one line.  The copy is a generated file: reinstall it after
upgrading docsec (the plugin and the Python side check a protocol number
and say so when they drift apart).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import Optional, Sequence

from ..writing import make_folders, write_file

PLUGIN_NAME = "docsec.mjs"
CONFIG_NAMES = ("myst.yml", "myst.yaml")


def plugin_source() -> Path:
    """The ``docsec.mjs`` shipped inside the installed package."""
    return Path(__file__).with_name(PLUGIN_NAME)


def myst_yml_lines(relative: str = PLUGIN_NAME) -> str:
    return f"project:\n  plugins:\n    - {relative}\n"


def install(project_dir: "str | Path" = ".", target: Optional[str] = None) -> str:
    """Copy the plugin into ``project_dir`` (or ``project_dir/target``) and say what to add to myst.yml.

    Returns the message for the user.  Raises ``FileNotFoundError`` when the
    directory does not exist, and :class:`~docsec.writing.UnsafeWrite` (an
    ``OSError``) for a destination outside the project, reached through a
    symbolic link, or that is not a regular file: the project may be a
    checkout someone else prepared.
    """
    project = Path(project_dir)
    if not project.is_dir():
        raise FileNotFoundError(f"{project} is not a directory; pass the folder that holds myst.yml")
    destination = project / (target or PLUGIN_NAME)
    if (destination.is_dir() and not destination.is_symlink()) or destination.suffix != ".mjs":
        destination = destination / PLUGIN_NAME
    make_folders(destination.parent, project)
    plugin = plugin_source().read_bytes()
    existed = _same_file(destination, plugin)
    write_file(destination, plugin, root=project, inside=True)
    relative = destination.relative_to(project).as_posix()
    config = next((project / name for name in CONFIG_NAMES if (project / name).is_file()), None)
    lines = [f"{'Up to date' if existed else 'Installed'}: {destination}"]
    if config is not None and _mentions(config, relative):
        lines.append(f"{config.name} already loads {relative}.")
    else:
        where = config.name if config is not None else "myst.yml (none found here)"
        lines += [f"Add to {where}:", "", myst_yml_lines(relative)]
    lines += [
        "Then `myst build` (or `jupyter-book build`) fails on unmarked insecure examples, without --strict.",
        ("The plugin runs `python3 -m docsec.mystmd`; set DOCSEC_PYTHON if that python has no docsec"
         f" (this one is {sys.executable})."),
    ]
    return "\n".join(lines)


def _same_file(path: Path, content: bytes) -> bool:
    """Whether ``path`` is a regular file (not a link) holding ``content``."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        return path.read_bytes() == content
    except OSError:
        return False


def _mentions(config: Path, relative: str) -> bool:
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.strip().lstrip("-").strip().strip("'\"").endswith(relative) for line in text.splitlines()
               if relative in line)


def build_parser(parser: Optional[argparse.ArgumentParser] = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(
        prog="docsec myst-plugin install", description="Copy docsec.mjs into a mystmd / Jupyter Book 2 project.")
    parser.add_argument("directory", nargs="?", default=".", help="the folder that holds myst.yml (default: .)")
    parser.add_argument("--to", dest="target", default=None,
                        help=f"folder, or .mjs file, inside DIRECTORY to write (default: {PLUGIN_NAME})")
    return parser


def run(args: argparse.Namespace, stdout=None, stderr=None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        stdout.write(install(args.directory, args.target) + "\n")
    except OSError as error:
        stderr.write(f"docsec: {error}\n")
        return 2
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    return run(build_parser().parse_args(argv))
