"""## What it does
Finds tar archives extracted without an extraction filter:
``TarFile.extractall()`` and ``TarFile.extract()`` without ``filter="data"``
(or ``"tar"``, or a filter function), ``filter="fully_trusted"``, and
``shutil.unpack_archive`` of a tar archive without ``filter=``.  The tar
object is recognised from ``tarfile.open(...)`` (assigned or in a ``with``)
or, in fragments, from a variable named like ``tar``/``tf``/``tarball``.
ZIP archives are left to DSP024.  Members vetted beforehand (a ``members=``
selection, ``os.path.commonpath``/``is_relative_to`` checks, a filter set
through ``extraction_filter``) are not reported.

## Why is this bad?
Without a filter, tarfile trusts the archive: a member named
``../../home/user/.bashrc`` or ``/etc/cron.d/job``, or a symlink followed by
a file written through it, lands outside the target directory
(CVE-2007-4559, "tar slip").  Devices and set-uid bits are restored as well.
Python 3.14 made ``"data"`` the default, but the examples are run on older
versions.

## Example
```python
import tarfile
with tarfile.open(downloaded) as tar:
    tar.extractall("data/")
```

## Use instead
```python
import tarfile
with tarfile.open(downloaded) as tar:
    tar.extractall("data/", filter="data")
```
``filter="data"`` is available in Python 3.12 and in security releases of
3.8 to 3.11; ``shutil.unpack_archive`` takes the same ``filter=`` argument.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory](https://cwe.mitre.org/data/definitions/22.html)
- [Python docs: tarfile extraction filters](https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

TAR_OPENERS = frozenset({"tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "tarfile.TarFile.gzopen",
                         "tarfile.TarFile.bz2open", "tarfile.TarFile.xzopen", "tarfile.TarFile.taropen",
                         "TarFile", "TarFile.open", "tarfile.TarFile.zstopen"})
TAR_NAME = re.compile(r"(?i)^(?:\w*_)?(?:tar|tf|tgz|tarball|tarf|tar_?file|tar_?ref|tar_?obj|tarobj)(?:_\w*|\d*)$")
ARCHIVE_NAME = re.compile(r"(?i)^(?:\w*_)?(?:archive|arch|bundle)(?:_\w*|\d*)$")
OTHER_ARCHIVES = re.compile(r"(?i)zip|7z|rar|py7zr|libarchive")
SAFE_FILTERS = frozenset({"data", "tar"})
VETTING = re.compile(r"(?:commonpath|commonprefix|is_relative_to|within|is_safe|safe_member|safe_extract|safe_path)",
                     re.IGNORECASE)
TAR_SUFFIX = re.compile(r"\.(?:tar|tgz|tbz2?|txz|tar\.\w+)$", re.IGNORECASE)


@rule(
    id="DSP023",
    symbol="tar-extract-unfiltered",
    title="tar archive extracted without an extraction filter",
    severity="high",
    cwe=22,
    languages=("python",),
    equivalent="Bandit B202, Ruff S202",
    message="extracting a tar archive without filter='data' can write outside the target directory",
    use_instead='tar.extractall(path, filter="data")',
    triggers=('extract', 'unpack_archive'),
)
def check(code: PythonView) -> Iterator[Hit]:
    if _vetted(code):
        return
    for call in code.calls:
        problem = _problem(code, call)
        if problem:
            yield Hit(call.line, code.column(call.node),
                      f"{problem} lets member names such as `../../.bashrc`, absolute paths and links write "
                      "outside the target directory (tar slip); pass `filter=\"data\"`")


def _problem(code: PythonView, call: Call) -> Optional[str]:
    if call.name in ("shutil.unpack_archive", "unpack_archive") and (call.name != "unpack_archive" or "shutil" in code.source):
        return None if _filtered(code, call) or not _may_be_tar(code, call) else f"`{call.written}(...)` without `filter=`"
    if call.short not in ("extractall", "extract") or not _is_tar(code, call):
        return None
    if _filtered(code, call):
        return None
    members = call.keyword("members") or (call.node.args[1] if call.short == "extractall" and len(call.node.args) > 1 else None)
    if members is not None and not (isinstance(members, ast.Call) and code.text_of(members.func).endswith("getmembers")):
        return None  # the example selects the members itself
    filter_given = call.keyword("filter")
    if filter_given is not None:
        return f"`{call.written}(..., filter={code.text_of(filter_given)})`"
    return f"`{call.written}()` without `filter=`"


def _is_tar(code: PythonView, call: Call) -> bool:
    receiver = code.receiver(call) or ""
    if receiver.endswith("()"):
        return receiver[:-2] in TAR_OPENERS
    if OTHER_ARCHIVES.search(receiver):
        return False
    func = call.node.func
    base = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    if base in code.aliases or not base:
        return False
    if TAR_NAME.match(base):
        return True
    mentions_tar = "tarfile" in code.source or "TarFile" in code.source
    return bool(ARCHIVE_NAME.match(base)) and mentions_tar and "zipfile" not in code.source and "ZipFile" not in code.source


def _filtered(code: PythonView, call: Call) -> bool:
    chosen = call.keyword("filter")
    if chosen is None or (isinstance(chosen, ast.Constant) and chosen.value is None):
        return False  # (``filter=None`` says what no filter says: trust the archive, with a warning on 3.12+)
    text = code.string_value(chosen)
    if text is not None:
        return text in SAFE_FILTERS
    return not (code.qualname(chosen) or "").endswith("fully_trusted_filter")


def _may_be_tar(code: PythonView, call: Call) -> bool:
    archive_format = code.string_value(call.argument(2, "format"))
    if archive_format is not None:
        return "tar" in archive_format
    name = code.string_value(call.argument(0, "filename"))
    return name is None or bool(TAR_SUFFIX.search(name))


def _vetted(code: PythonView) -> bool:
    """The example checks member paths itself or installs a filter for every extraction."""
    for call in code.calls:
        if VETTING.search(call.short):
            return True
    for name, values in code.assignments.items():
        if name.endswith("extraction_filter") and not any("fully_trusted" in ast.unparse(v) for v in values):
            return True
    return any(isinstance(node, ast.Compare) and any(code.string_value(c) == ".." for c in [node.left, *node.comparators])
               for node in code.nodes_of(ast.Compare))
