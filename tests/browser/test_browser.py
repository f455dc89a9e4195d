"""docsec's own docs in headless Chromium: alabaster and furo, light and dark.

Builds ``docs/`` with both themes, opens pages through the DevTools protocol
(``websocket-client``; nothing is downloaded), emulates the colour scheme,
saves screenshots under ``_build/screenshots/`` and asserts on computed
styles, not pixels: the insecure banner is visible, and badge, keyword,
banner and body text reach WCAG AA contrast (4.5:1) against the background
actually painted behind them.

Skipped, with the reason shown by ``pytest -ra``, when ``/usr/bin/chromium``
(Debian package ``chromium``) or ``websocket-client`` is missing.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "_build" / "screenshots"
AA = 4.5

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"{CHROMIUM} not found: install the Debian package `chromium` to run the browser tests"),
]
websocket = pytest.importorskip("websocket", reason="websocket-client is not installed (pip install docsec[test])")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-port=0"]

# Collects, for every docsec element on the page, its colours and the background painted behind it.
PROBE = r"""
(() => {
  const rgba = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const backdrop = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      layers.push(rgba(getComputedStyle(node).backgroundColor));
    }
    let colour = [255, 255, 255, 1];  // the canvas
    const root = getComputedStyle(document.documentElement).backgroundColor;
    if (rgba(root)[3] > 0) colour = over(rgba(root), colour);
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour.slice(0, 3);
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0.1
      && box.width > 0 && box.height > 0;
  };
  const probe = (selector, kind) => Array.from(document.querySelectorAll(selector)).map(el => ({
    kind, text: el.textContent.trim().slice(0, 60), visible: visible(el),
    fg: rgba(getComputedStyle(el).color).slice(0, 3), bg: backdrop(el),
  }));
  return JSON.stringify([].concat(
    probe('.docsec-level', 'badge'),
    probe('strong.docsec-kw', 'keyword'),
    probe('p.docsec-banner', 'banner'),
    probe('div.docsec-detected p', 'detected'),
    probe('div.admonition.docsec-security > p:not(.admonition-title)', 'guidance-text'),
    probe('div.admonition.docsec-insecure-example > p.admonition-title', 'example-title'),
  ));
})()
"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Page:
    """One Chromium tab driven over the DevTools protocol."""

    def __init__(self, url: str):
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        ident = next(self.ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_for(self, event: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == event:
                return
        raise TimeoutError(event)

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        import base64

        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))


@pytest.fixture(scope="module")
def browser() -> Iterator[Page]:
    profile = Path(tempfile.mkdtemp(prefix="docsec-chromium-"))
    process = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("Chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:  # localhost only
            targets = json.load(response)
        page = Page(next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page"))
        page.send("Page.enable")
        page.send("Emulation.setDeviceMetricsOverride", width=1280, height=1400, deviceScaleFactor=1, mobile=False)
        yield page
        page.ws.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module", params=["alabaster", "furo"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    theme = request.param
    if theme != "alabaster":
        pytest.importorskip(theme, reason=f"theme {theme!r} is not installed (pip install docsec[test])")
    out = tmp_path_factory.mktemp(f"html-{theme}")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-c", ".", "-D", f"html_theme={theme}",
         "-d", str(out / ".doctrees"), "docs", str(out)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    return theme, out


PAGES = ["directives/insecure-example", "directives/security", "guidance/http-server", "requirements", "checklist"]


def _set_scheme(page: Page, scheme: str) -> None:
    page.send("Emulation.setEmulatedMedia", media="screen",
              features=[{"name": "prefers-color-scheme", "value": scheme}])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_docsec_elements_are_visible_and_readable(browser: Page, site: tuple[str, Path], scheme: str) -> None:
    theme, out = site
    _set_scheme(browser, scheme)
    seen: dict[str, int] = {}
    problems = []
    for name in PAGES:
        browser.open((out / f"{name}.html").as_uri())
        if theme == "furo":  # furo's own switch, besides the system preference
            browser.evaluate(f"document.body.dataset.theme = '{scheme}'")
        elements = json.loads(browser.evaluate(PROBE))
        for element in elements:
            seen[element["kind"]] = seen.get(element["kind"], 0) + 1
            if not element["visible"]:
                if element["kind"] == "banner":
                    problems.append(f"{name}: banner not visible")
                continue
            ratio = contrast(element["fg"], element["bg"])
            if ratio < AA:
                problems.append(f"{name}: {element['kind']} {element['text']!r} contrast {ratio:.2f} "
                                f"({element['fg']} on {element['bg']})")
        target = browser.evaluate(
            "(() => { const el = document.querySelector('p.docsec-banner, .docsec-level');"
            " if (el) el.scrollIntoView({block: 'center'}); return !!el; })()")
        assert target, f"{name}: no docsec element"
        browser.screenshot(SCREENSHOTS / f"{theme}-{scheme}-{name.replace('/', '-')}.png")
    assert not problems, "\n".join(problems)
    for kind in ("badge", "keyword", "banner", "detected", "guidance-text"):
        assert seen.get(kind), f"no {kind} found on {PAGES}"


def test_dark_theme_gets_dark_boxes(browser: Page, site: tuple[str, Path]) -> None:
    """Furo in dark mode paints docsec's boxes dark; alabaster (no dark mode) keeps them light."""
    theme, out = site
    _set_scheme(browser, "dark")
    browser.open((out / "directives/security.html").as_uri())
    if theme == "furo":
        browser.evaluate("document.body.dataset.theme = 'dark'")
    background = json.loads(browser.evaluate(
        "JSON.stringify(getComputedStyle(document.querySelector('div.admonition.docsec-security')).backgroundColor)"))
    rgb = [float(part) for part in background[background.index("(") + 1:-1].split(",")[:3]]
    assert (luminance(rgb) < 0.1) if theme == "furo" else (luminance(rgb) > 0.8), (theme, background)
