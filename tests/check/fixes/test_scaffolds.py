"""Scaffolds people can send: placed between paragraphs, once, for the right person, no guesses."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from intro_lint.check.fixes.apply import fixed_text
from intro_lint.check.kinds.mission import PLACEHOLDER, UNFILLED_RX
from intro_lint.read.message import read_text

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
DEV = [json.loads(line) for line in (ROOT / "corpus" / "dev.jsonl").read_text().splitlines()]
FRIEND = (
    "Hi Sam,\n\nIt's been a while! My friend Priya Shah is looking for a product role. Would you "
    "introduce her to someone on the platform team at Stripe?\n\nThanks so much,\nLee\n"
)
HIRING = (
    "Hi Dana,\n\nI saw that Northwind is hiring an engineering manager. Could you introduce me to "
    "the hiring manager there?\n\nBest,\nJo\n"
)


@pytest.fixture(scope="module")
def unsafe(linter):
    """Text of a draft after every unsafe fix, and the report it came from."""

    def run(text: str):
        message = read_text(text, "draft.txt")
        report = linter.lint([message])[0]
        return fixed_text(message, report, "unsafe"), report

    return run


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


@pytest.mark.parametrize("text", [FRIEND, HIRING, (EXAMPLES / "jeff-becky.txt").read_text()])
def test_the_note_to_forward_is_its_own_paragraph_before_the_sign_off(unsafe, text):
    after, _ = unsafe(text)
    assert after.count("--- note to forward ---") == 1
    blocks = paragraphs(after)
    note = next(i for i, p in enumerate(blocks) if "--- note to forward ---" in p)
    assert blocks[note].lstrip().startswith("--- note to forward ---")
    assert blocks[note + 1].rstrip().endswith("--- end of note ---")
    # the sign-off stays last, after the note, and every paragraph before it still opens as it did
    assert blocks[-1] == paragraphs(text)[-1]
    assert all(original[:12] in after for original in paragraphs(text)[:-1])


@pytest.mark.parametrize("text", [FRIEND, HIRING, *[r["text"] for r in DEV[:25]]])
def test_no_sentence_of_a_scaffold_is_inserted_twice(unsafe, text):
    after, _ = unsafe(text)
    inserted = [s.strip() for s in re.split(r"(?<=[.?!])\s+|\n", after) if "[" in s]
    repeated = {s for s in inserted if inserted.count(s) > 1 and s not in text}
    offers = [s for s in inserted if s.startswith("In return") or "glad to help" in s]
    assert not repeated and len(offers) <= 1, after


def test_the_scaffold_speaks_for_the_friend_the_draft_asks_for(unsafe):
    after, _ = unsafe(FRIEND)
    added = after.replace(FRIEND.split("Thanks")[0], "")
    assert "Priya" in added
    assert "introduce me" not in added.lower() and "I'm [your name]" not in added


def test_the_scaffold_guesses_no_name_company_or_role(unsafe):
    after, _ = unsafe(HIRING)
    note = after[after.index("--- note to forward ---") : after.index("--- end of note ---")]
    assert "Hi [name]," in note and "[company]" in note and "[role]" in note
    assert "the to " not in after and "Northwind" not in note and "Dana" not in note


def test_running_the_fixes_twice_adds_nothing_the_second_time(unsafe):
    once, _ = unsafe(FRIEND)
    twice, _ = unsafe(once)
    assert twice.count("--- note to forward ---") == 1
    assert twice.count("In return") <= 1


@pytest.mark.parametrize(
    "slot",
    [
        "[person]",
        "[company]",
        "[web address]",
        "[Company]",
        "[your name]",
        "[FIRST NAME]",
        "{company}",
        "{{ name }}",
        "<first name>",
        "[who they are, in one line]",
    ],
)
def test_a_placeholder_of_any_case_is_recognised(slot):
    assert UNFILLED_RX.fullmatch(slot)


@pytest.mark.parametrize(
    "text",
    [
        "see [the docs](https://x.org)",
        "as argued in [1]",
        "he wrote [sic] it",
        "a<br>b",
        "mail <jo@example.org>",
        "<https://x.org>",
        "[text][1]",
        "my resume: [link]",  # the corpora write [link] for a real link left out of the copy
    ],
)
def test_links_citations_tags_and_addresses_are_not_placeholders(text):
    assert UNFILLED_RX.search(text) is None


@pytest.mark.parametrize("folder", ["", "written/"])
def test_generic_blast_uses_the_one_placeholder_pattern(folder):
    rule = tomllib.loads((ROOT / "rules" / f"{folder}generic-blast.toml").read_text())
    assert rule["params"]["placeholder"] == PLACEHOLDER
