"""The page in a real headless Chromium against a real server: type, see, fix, fill, keep, submit.

Screenshots go to INTRO_LINT_SCREENSHOT_DIR when it is set (else the test's temporary folder).
Skipped, with the reason, where /usr/bin/chromium or playwright is missing.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("INTRO_LINT_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip
WAIT = 60_000  # ms: a hang guard for the page's answers, not a timing
ROOT = Path(__file__).resolve().parents[3]
JEFF = (ROOT / "examples" / "jeff-becky.txt").read_text(encoding="utf-8")
HELLO = "Hello,\n\nCould you introduce me to someone at Lumen?\n\nJo\n"


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("INTRO_LINT_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def chromium():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"{CHROMIUM} not found: run .ci/setup-browser-deps (Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install 'intro-lint[test]'")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


def open_page(chromium, served, **options):
    context = chromium.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(served.url) else outside.append(r.url))
    page.goto(served.url + "/")
    return context, page, errors, outside


def wait_for_score(page):
    page.wait_for_function(
        "() => /\\d+\\/100/.test(document.getElementById('score').textContent)"
        " && !document.body.classList.contains('stale')",
        timeout=WAIT,
    )
    return page.inner_text("#score")


def test_type_see_fix_fill_undo_download_and_reload(chromium, served, tmp_path):
    context, page, errors, outside = open_page(chromium, served)
    page.fill("#to", "Bob Chen <bob@example.org>")
    page.click("#draft")
    page.keyboard.insert_text(JEFF)
    first = wait_for_score(page)
    assert page.locator("#findings li.finding").count() >= 3
    assert page.locator("#backdrop mark").count() >= 1  # flagged passages highlighted in place
    marked = page.locator("#backdrop mark").first.inner_text()
    assert marked and marked in JEFF
    assert "Nothing the connector could forward" in page.inner_text("#forwardable")
    page.screenshot(path=str(shots(tmp_path) / "serve-findings.png"), full_page=True)

    # a scaffold: its text goes in, its [placeholder] is selected and highlighted until filled
    scaffold = page.locator("button.fix.unsafe", has_text="Insert: Add an offer of help").first
    scaffold.click()
    wait_for_score(page)
    assert "[something they are working on]" in page.input_value("#draft")
    assert (
        page.evaluate(
            "() => { const t = document.getElementById('draft');"
            " return t.value.slice(t.selectionStart, t.selectionEnd); }"
        )
        == "[something they are working on]"
    )
    holes = page.locator("#backdrop mark.placeholder")
    assert "[something they are working on]" in [
        holes.nth(i).inner_text() for i in range(holes.count())
    ]
    assert page.locator("#findings .sev.error").count() >= 1  # a leftover placeholder is an error
    page.screenshot(path=str(shots(tmp_path) / "serve-scaffold.png"), full_page=True)
    page.screenshot(path=str(shots(tmp_path) / "serve-page.png"))  # the README's picture
    page.keyboard.type("the finance hiring guide you mentioned")  # types over the selection
    wait_for_score(page)
    text = page.input_value("#draft")
    assert "help with the finance hiring guide you mentioned." in text and "[something" not in text
    assert "[something they are working on]" not in [
        holes.nth(i).inner_text() for i in range(holes.count())
    ]

    # undo takes the scaffold and its filling out again
    page.click("#undo")
    wait_for_score(page)
    assert (
        page.input_value("#draft") == JEFF.rstrip("\n") + "\n" or page.input_value("#draft") == JEFF
    )
    assert wait_for_score(page) == first

    # download: the text, byte for byte
    with page.expect_download() as got:
        page.click("#download-txt")
    saved = tmp_path / "draft.txt"
    got.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == page.input_value("#draft")
    with page.expect_download() as got:
        page.click("#download-eml")
    got.value.save_as(tmp_path / "draft.eml")
    assert b"To: Bob Chen <bob@example.org>" in (tmp_path / "draft.eml").read_bytes()

    # the draft survives a reload (it lives in this browser's storage)
    page.reload()
    wait_for_score(page)
    assert page.input_value("#draft") == saved.read_text(encoding="utf-8")
    assert page.input_value("#to") == "Bob Chen <bob@example.org>"
    assert errors == [] and outside == []
    context.close()


def test_a_safe_fix_applies_at_once(chromium, served):
    context, page, errors, _ = open_page(chromium, served)
    page.fill("#to", "Bob Chen <bob@example.org>")
    page.fill("#draft", HELLO)
    wait_for_score(page)
    page.locator("button.fix.safe", has_text="Greet the reader by name").first.click()
    wait_for_score(page)
    assert page.input_value("#draft").startswith("Hello Bob,\n")
    assert errors == []
    context.close()


def test_keyboard_only_reaches_every_control_with_a_name(chromium, served):
    context, page, errors, _ = open_page(chromium, served)
    page.fill("#draft", JEFF)
    wait_for_score(page)
    for control in ("#to", "#subject", "#draft", "#copy", "#download-txt"):
        label = page.evaluate(
            "(sel) => { const e = document.querySelector(sel);"
            " return (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent; }",
            control,
        )
        assert label.strip(), control
    page.focus("#draft")
    page.keyboard.press("Tab")  # the textarea does not trap the keyboard
    focused = page.evaluate("document.activeElement.tagName + document.activeElement.className")
    assert "TEXTAREA" not in focused
    fix = page.locator("#findings button.jump").first
    fix.focus()
    page.keyboard.press("Enter")  # a finding's title takes you to its passage
    assert page.evaluate("document.activeElement.id") == "draft"
    assert page.evaluate("document.getElementById('draft').selectionEnd") > 0
    assert errors == []
    context.close()


def test_it_works_on_a_phone(chromium, served, tmp_path):
    context, page, errors, _ = open_page(
        chromium, served, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page.fill("#draft", JEFF)
    wait_for_score(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # one column, nothing wider than the screen
    page.screenshot(path=str(shots(tmp_path) / "serve-phone.png"), full_page=True)
    assert errors == []
    context.close()


def test_workshop_two_participants_and_the_instructor(chromium, served, tmp_path):
    before = set(served.folder.glob("*.eml"))
    people = {"Ana Ruiz": JEFF, "Ben Okafor": HELLO}
    for name, draft in people.items():
        context, page, errors, _ = open_page(chromium, served)
        page.wait_for_selector("#workshop:not([hidden])", timeout=WAIT)
        page.fill("#ws-name", name)
        page.fill("#ws-code", "wrong")
        page.click("#join")
        page.wait_for_function(
            "() => document.getElementById('ws-status').textContent.includes('code')", timeout=WAIT
        )
        assert page.locator("#submit").is_hidden()
        page.fill("#ws-code", served.code.lower())
        page.click("#join")
        page.wait_for_selector("#submit:not([hidden])", timeout=WAIT)
        page.fill("#draft", draft)
        wait_for_score(page)
        page.click("#submit")
        page.wait_for_function(
            "() => document.getElementById('notice').textContent.startsWith('Submitted')",
            timeout=WAIT,
        )
        assert errors == []
        context.close()
    new = set(served.folder.glob("*.eml")) - before
    assert len(new) == 2

    context, page, errors, _ = open_page(chromium, served)
    page.goto(f"{served.url}/instructor?token={served.token}")
    assert page.inner_text("#join-code") == served.code
    frame = page.frame_locator("#report")
    frame.locator("table.ranking").wait_for(timeout=WAIT)
    ranking = frame.locator("table.ranking").inner_text()
    assert "ana-ruiz" in ranking and "ben-okafor" in ranking
    page.screenshot(path=str(shots(tmp_path) / "serve-instructor.png"), full_page=True)
    with page.expect_download() as got:
        page.click("a[download]")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    assert sum(1 for r in rows if "ana-ruiz" in next(iter(r.values()))) >= 1
    assert errors == []
    context.close()

    # a participant's browser cannot read the class without the token
    context, page, _, _ = open_page(chromium, served)
    response = page.goto(f"{served.url}/instructor/report")
    assert response.status == 403 and "Ana" not in page.content()
    context.close()
