"""Time reading rST: docutils (read_rst) against the fast reader, side by side.

    python benchmarks/rst_reader.py --pages 800 [--repeat 5] [extra docs folders ...]

For the rST files of a generated tree (and of any folder given), each round
reads every file with docutils, then with what ``docsec check`` now does
(the fast reader, docutils for the files it declines); rounds alternate so
both see the same machine load.  Prints medians, their ratio, how many files
the fast reader handled and why it declined the others.  Files are read from
disk before timing; the docutils line split (``docutils_lines``) is timed in
both, as ``extract`` does it once per file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def rst_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.suffix in (".rst", ".txt") and path.is_file()
                  and "_build" not in path.parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=800)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=HERE / "_trees" / "rst-reader")
    parser.add_argument("folders", nargs="*", type=Path, help="more folders of rST files (e.g. Sphinx's doc/)")
    args = parser.parse_args()

    from docsec.core.config import Config
    from docsec.sources._text import read_text
    from docsec.sources.rst import _read_fast, docutils_lines, read_rst
    from docsec.sources.rst_fast import Decline, read_or_decline

    generate(args.tree, pages=args.pages, seed=args.seed)
    config = Config()
    marker_classes = config.marker_class_set()
    for root in [args.tree, *args.folders]:
        pages = []
        for path in rst_files(root):
            text = read_text(path, path.name).text
            if text is not None:
                pages.append((path, path.relative_to(root).as_posix(), text))

        def with_docutils() -> None:
            for path, display, text in pages:
                read_rst(text, path, display, marker_classes, docutils_lines(text))

        def as_check_reads() -> None:
            for path, display, text in pages:
                lines = docutils_lines(text)
                if _read_fast(text, lines, path, display, config) is None:
                    read_rst(text, path, display, marker_classes, lines)

        reasons: Counter[str] = Counter()
        for path, display, text in pages:
            try:
                read_or_decline(text, docutils_lines(text), path, display, marker_classes)
            except Decline as reason:
                reasons[str(reason)] += 1
        with_docutils(), as_check_reads()  # warm up: imports, docutils' directive registry
        runs: dict[str, list[float]] = {"docutils": [], "fast": []}
        for _ in range(args.repeat):
            for name, action in (("docutils", with_docutils), ("fast", as_check_reads)):
                start = time.perf_counter()
                action()
                runs[name].append(time.perf_counter() - start)
        slow, fast = statistics.median(runs["docutils"]), statistics.median(runs["fast"])
        handled = len(pages) - sum(reasons.values())
        print(f"{root}: {len(pages)} files, fast reader handled {handled} ({100 * handled / max(len(pages), 1):.1f} %)")
        print(f"  docutils  {slow:8.3f} s   runs {' '.join(f'{run:.3f}' for run in runs['docutils'])}")
        print(f"  fast      {fast:8.3f} s   runs {' '.join(f'{run:.3f}' for run in runs['fast'])}")
        print(f"  ratio     {slow / fast:8.1f}x   ({1000 * slow / max(len(pages), 1):.2f} ms -> "
              f"{1000 * fast / max(len(pages), 1):.2f} ms a file)")
        for reason, count in reasons.most_common():
            print(f"  declined {count}: {reason}")


if __name__ == "__main__":
    main()
