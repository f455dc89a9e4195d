"""Download a project's published source archive, verified, without running any of it.

::

    python benchmarks/realdocs/fetch.py pypi sanic [23.12.1] -d DIR   # the sdist from PyPI's JSON API
    python benchmarks/realdocs/fetch.py npm express [4.19.2] -d DIR   # the tarball from the npm registry
    python benchmarks/realdocs/fetch.py verify [PROJECT.json ...]     # re-download and compare every page

``pip download`` would build an sdist's metadata, which runs the project's
build code; this script only downloads the archive and checks its sha256.
``verify`` rebuilds each page from the recorded archive and compares it with
the committed copy (the sha256 in the project file).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path, PurePosixPath
from typing import Optional

HERE = Path(__file__).resolve().parent


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - fixed registry hosts
        return response.read()


def pypi(package: str, version: Optional[str]) -> tuple[str, str, str, str, str]:
    """(version, file name, url, sha256, license) of the sdist.

    Only the project's JSON page is asked for (a mirror may not serve the
    per-version one); a release other than the newest is taken from its
    ``releases``.  File URLs may be relative to the JSON page.
    """
    from urllib.parse import urljoin

    page = f"https://pypi.org/pypi/{package}/json"
    data = json.loads(_get(page))
    info = data["info"]
    version = version or info["version"]
    files = data["urls"] if version == info["version"] else data.get("releases", {}).get(version)
    if files is None:
        raise SystemExit(f"{package}: no release {version} on PyPI")
    for item in files:
        if item["packagetype"] == "sdist":
            licence = info.get("license_expression") or info.get("license") or ""
            return version, item["filename"], urljoin(page, item["url"]), item["digests"]["sha256"], licence[:80]
    raise SystemExit(f"{package} {version}: no sdist on PyPI")


def npm(package: str, version: Optional[str]) -> tuple[str, str, str, str, str]:
    data = json.loads(_get(f"https://registry.npmjs.org/{package}/{version or 'latest'}"))
    url = data["dist"]["tarball"]
    return data["version"], url.rsplit("/", 1)[1], url, "", str(data.get("license", ""))


def download(registry: str, package: str, version: Optional[str], folder: Path) -> dict[str, str]:
    version, name, url, expected, licence = (pypi if registry == "pypi" else npm)(package, version)
    blob = _get(url)
    digest = hashlib.sha256(blob).hexdigest()
    if expected and digest != expected:
        raise SystemExit(f"{name}: sha256 {digest} differs from the registry's {expected}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(blob)
    return {"registry": registry, "package": package, "version": version, "file": name, "sha256": digest,
            "url": url, "license": licence}


def members(blob: bytes, file_name: str) -> dict[str, bytes]:
    """The archive's regular files by path, without the top folder."""
    out: dict[str, bytes] = {}
    if file_name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    out[_strip(info.filename)] = archive.read(info)
        return out
    with tarfile.open(fileobj=io.BytesIO(blob)) as archive:
        for member in archive.getmembers():
            if member.isfile():
                handle = archive.extractfile(member)
                if handle is not None:
                    out[_strip(member.name)] = handle.read()
    return out


def _strip(name: str) -> str:
    parts = PurePosixPath(name).parts
    return PurePosixPath(*parts[1:]).as_posix() if len(parts) > 1 else name


def verify(project_file: Path, root: Path) -> list[str]:
    data = json.loads(project_file.read_text(encoding="utf-8"))
    source = data["source"]
    url = source.get("url")
    if not url:
        url = (pypi if source["registry"] == "pypi" else npm)(source["package"], source["version"])[2]
    blob = _get(url)
    problems = []
    if hashlib.sha256(blob).hexdigest() != source["sha256"]:
        problems.append(f"{project_file.name}: {source['file']} has another sha256 than recorded")
    files = members(blob, source["file"])
    for relative, entry in data["pages"].items():
        content = files.get(relative)
        if content is None:
            problems.append(f"{project_file.name}: {relative} is not in {source['file']}")
        elif hashlib.sha256(content).hexdigest() != entry["sha256"]:
            problems.append(f"{project_file.name}: {relative} differs from the copy in {source['file']}")
        else:
            page = root / "pages" / data["project"] / relative
            if not page.is_file():
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_bytes(content)
    return problems


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=HERE)
    commands = parser.add_subparsers(dest="command", required=True)
    for registry in ("pypi", "npm"):
        sub = commands.add_parser(registry)
        sub.add_argument("package")
        sub.add_argument("version", nargs="?")
        sub.add_argument("-d", "--dest", type=Path, default=Path("."))
    checked = commands.add_parser("verify")
    checked.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.command in ("pypi", "npm"):
        print(json.dumps(download(args.command, args.package, args.version, args.dest), indent=1))
        return 0
    files = args.files or sorted((args.root / "projects").glob("*.json"))
    problems = [p for f in files for p in verify(f, args.root)]
    print("\n".join(problems + [f"{len(files)} project files, {len(problems)} problems"]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
