"""The HTML class report in a real headless Chromium (Debian's, driven by Playwright): it renders,
its charts, highlights and ranking are visible, nothing is fetched, and a full-page screenshot is
taken. Skipped, with the reason, where /usr/bin/chromium or the playwright package is missing
(`.ci/setup-browser-deps` installs the browser; playwright comes with the `test` extra).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from intro_lint.apps.grade.html import render

CHROMIUM = os.environ.get("INTRO_LINT_CHROMIUM", "/usr/bin/chromium")
# no network, no first-run work, no sandbox (CI runs as root)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOT_DIR = os.environ.get("INTRO_LINT_SCREENSHOT_DIR")  # keep the PNG somewhere to look at


def _require_browser():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"{CHROMIUM} not found: run .ci/setup-browser-deps (Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install 'intro-lint[test]')")


def _builder():
    here = Path(__file__).with_name("test_html.py")
    spec = importlib.util.spec_from_file_location("intro_lint_test_html_builder", here)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_class_report


@pytest.fixture(scope="module")
def report_file(linter, tmp_path_factory):
    report, texts, rules = _builder()(linter)
    path = tmp_path_factory.mktemp("html-report") / "class report.html"
    path.write_text(render(report, texts, rules), encoding="utf-8")
    return path, report


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _require_browser()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
            device_scale_factor=1,
        )
        try:
            yield context
        finally:
            context.close()


def test_report_renders_in_chromium_with_charts_highlights_and_ranking(
    browser, report_file, tmp_path
):
    path, report = report_file
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")

    assert page.title() == "Workshop grading report"
    histogram = page.locator("svg.histogram")
    assert histogram.is_visible()
    box = histogram.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 120
    bars = page.locator("svg.histogram rect.bar")
    assert bars.count() == 10
    assert page.locator("svg.hbars rect.bar").count() >= 3

    mark = page.locator("mark.hl").first
    mark.scroll_into_view_if_needed()
    assert mark.is_visible()
    assert mark.get_attribute("title")
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    ranking = page.locator("table.ranking")
    assert ranking.is_visible()
    assert ranking.locator("tbody tr").count() == len(report.drafts)

    # the hostile draft shows its tags as text, and nothing ran
    assert page.get_by_text('<script>alert("pwned")</script>', exact=False).count() >= 1
    assert page.evaluate("document.scripts.length") == 0
    assert errors == []

    # a link from the ranking jumps to the draft's section
    first = ranking.locator("tbody tr td.id a").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"article{target}").is_visible()

    # the layout fits the viewport: no horizontal scrolling
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # only the file itself was loaded: no network, no CDN, no fonts
    assert all(url.startswith("file://") for url in requests), requests

    out = Path(SCREENSHOT_DIR) if SCREENSHOT_DIR else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    shot = out / "class-report.png"
    page.goto(path.as_uri(), wait_until="load")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    page.set_viewport_size({"width": 420, "height": 900})  # a phone: still no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(out / "class-report-narrow.png"), full_page=False)
    page.close()


def test_report_prints_to_pdf(browser, report_file, tmp_path):
    """Printable: Chromium's print path lays it out (headless PDF) without error."""
    path, _ = report_file
    page = browser.new_page()
    page.goto(path.as_uri(), wait_until="load")
    pdf = page.pdf(path=str(tmp_path / "report.pdf"), format="A4", print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
    page.close()
