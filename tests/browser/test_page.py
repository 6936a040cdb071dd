"""The page of `corroborate ledger --format html` in a real browser (Chromium, headless).

A reader clicks an outlet's words in a conflict and must land on the sentence that states
them, scrolled into view and highlighted; the removed boilerplate stays hidden until asked
for; the page fits a phone; and the browser reports no error and fetches nothing.

Run through `scripts/browser-test.sh`, which provides Chromium, this test's packages and the
CLI. Set CORROBORATE_SCREENSHOT=FILE.png to save the example page as seen at desktop width.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Request,
    ViewportSize,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(os.environ.get("CORROBORATE_BIN", ROOT / "target/debug/corroborate"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No sandbox: the tests run as root in containers; nothing fetched, no background traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXAMPLE = ROOT / "examples/stories/lisbon-defector/manifest.jsonl"
SHARED = ROOT.parent / "shared/corpus/ri-il-kyu/manifest.jsonl"
MANIFESTS = [
    pytest.param(EXAMPLE, id="example"),
    pytest.param(
        SHARED,
        id="ri-il-kyu",
        marks=pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} is absent"),
    ),
]
DESKTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=390, height=800)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Each manifest's page, written once by the CLI."""
    out = tmp_path_factory.mktemp("pages")
    written = {}
    for n, manifest in enumerate([EXAMPLE, SHARED]):
        if manifest.exists():
            page = out / f"{n}.html"
            subprocess.run(
                [str(CLI), "ledger", str(manifest), "--format", "html", "-o", str(page)],
                check=True,
            )
            written[manifest] = page
    return written


class Opened:
    """A page open in the browser, with every error it reported and every request it made."""

    def __init__(self, browser: Browser, path: Path, viewport: ViewportSize) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page: Page = browser.new_page(viewport=viewport)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("request", self._request)
        self.page.goto(path.as_uri())

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")

    def _request(self, request: Request) -> None:
        if not request.url.startswith("file://"):
            self.requests.append(request.url)

    def check_clean(self) -> None:
        assert self.errors == []
        assert self.requests == [], "the page must fetch nothing"
        self.page.close()


@pytest.mark.parametrize("manifest", MANIFESTS)
def test_a_conflicting_reading_leads_to_its_highlighted_sentence(
    browser: Browser, pages: dict[Path, Path], manifest: Path
) -> None:
    opened = Opened(browser, pages[manifest], DESKTOP)
    page = opened.page
    links = page.locator("tr.conflict a.cite")
    assert links.count() >= 2, "a conflict shows each side's words"
    # The last conflict link: the farthest from the top, so the jump must really scroll.
    link = links.last
    words = link.inner_text().strip("“”")
    anchor = link.get_attribute("href")
    assert anchor and anchor.startswith("#")
    link.click()
    page.wait_for_function("id => location.hash === id", arg=anchor)
    sentence = page.evaluate(
        """id => {
            const target = document.getElementById(id);
            const box = target.getBoundingClientRect();
            return {
                text: target.textContent,
                targeted: target.matches(":target"),
                background: getComputedStyle(target).backgroundColor,
                top: box.top, bottom: box.bottom, height: innerHeight,
                scrolled: scrollY,
            };
        }""",
        anchor[1:],
    )
    assert sentence["targeted"]
    assert sentence["background"] == "rgb(255, 226, 122)", sentence
    assert 0 <= sentence["top"] < sentence["height"] and sentence["bottom"] > 0, sentence
    assert sentence["scrolled"] > 0, sentence
    assert words in sentence["text"], (words, sentence["text"])
    opened.check_clean()


@pytest.mark.parametrize("manifest", MANIFESTS)
def test_removed_text_is_hidden_until_asked_for(
    browser: Browser, pages: dict[Path, Path], manifest: Path
) -> None:
    opened = Opened(browser, pages[manifest], DESKTOP)
    page = opened.page
    toggles = page.locator("input.show-removed")
    if toggles.count() == 0:
        pytest.skip("no document of this story has removed text")
    article = page.locator("article", has=toggles.first)
    removed = article.locator(".removed").first
    assert not removed.is_visible()
    article.locator("label").first.click()
    assert removed.is_visible()
    colour = removed.evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(138, 138, 138)", "removed text is greyed"
    opened.check_clean()


@pytest.mark.parametrize("manifest", MANIFESTS)
def test_the_page_fits_a_phone(browser: Browser, pages: dict[Path, Path], manifest: Path) -> None:
    opened = Opened(browser, pages[manifest], PHONE)
    page = opened.page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px phone"
    # Each outlet's words are labelled with the outlet once the columns are stacked.
    cell = page.locator("tr.conflict td[data-outlet]:not(:empty)").first
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label.strip('"') == cell.get_attribute("data-outlet")
    opened.check_clean()


def test_the_page_prints_without_controls(browser: Browser, pages: dict[Path, Path]) -> None:
    opened = Opened(browser, pages[EXAMPLE], DESKTOP)
    page = opened.page
    page.emulate_media(media="print")
    assert not page.locator(".hint").is_visible()
    assert page.locator("tr.conflict").first.is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"
    opened.check_clean()


def test_screenshot(browser: Browser, pages: dict[Path, Path], tmp_path: Path) -> None:
    """The example page at desktop width renders cleanly to a picture; saved where
    CORROBORATE_SCREENSHOT names a file (docs/html-report.png is made so)."""
    target = Path(os.environ.get("CORROBORATE_SCREENSHOT") or tmp_path / "page.png")
    opened = Opened(browser, pages[EXAMPLE], ViewportSize(width=1280, height=900))
    opened.page.screenshot(path=str(target), type="png")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 10_000, "a blank page would be smaller"
    opened.check_clean()
