"""``python -m docsec.mystmd``: the process ``docsec.mjs`` talks to.

``scan``
    read one request (JSON) on stdin, write one reply on stdout; the
    plugin's per-page fallback, and handy for trying a page by hand.
``serve``
    one request per line on stdin, one reply per line on stdout, until
    stdin closes; the plugin starts this once per ``myst build``.
``install [DIR]``
    copy ``docsec.mjs`` into a mystmd project (see :mod:`.install`).

Only the standard library and the scanning core are imported, so a spawn
costs little more than the interpreter's start.
"""

from __future__ import annotations

import sys
from typing import Optional, Sequence

USAGE = "usage: python -m docsec.mystmd {scan|serve|install [DIR]}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else ""
    if command == "scan":
        from .scan import scan_json

        sys.stdout.write(scan_json(sys.stdin.read()) + "\n")
        return 0
    if command == "serve":
        from .scan import serve

        def write(text: str) -> None:
            sys.stdout.write(text)
            sys.stdout.flush()

        serve(sys.stdin, write)
        return 0
    if command == "install":
        from .install import main as install_main

        return install_main(args[1:])
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
