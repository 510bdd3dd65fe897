"""A screened pattern finds what the bare regex finds: it skips only searches that must fail."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import intro_lint.analyse.request
import intro_lint.check.kinds
from intro_lint.analyse.screen import WARM_UP, Screened, caseless, required_strings
from intro_lint.check.catalogue import load_catalogue
from intro_lint.check.kinds.mission import _compile

CORPORA = [
    Path(__file__).parents[1] / "corpus" / "heldout.jsonl",
    Path(__file__).parents[1] / "corpus" / "heldout2.jsonl",
]


def _package_patterns() -> dict[str, Screened]:
    """Every screened pattern the detectors and checks use, built-in rule phrase lists included."""
    found: dict[str, Screened] = {}
    for package in (intro_lint.analyse.request, intro_lint.check.kinds):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                values = value.items() if isinstance(value, dict) else [("", value)]
                found.update(
                    {f"{info.name}.{name}{key}": v for key, v in values if isinstance(v, Screened)}
                )
    for rule in load_catalogue([]).values():
        for field, words in (rule.params or {}).items():
            if isinstance(words, list) and words and all(isinstance(w, str) for w in words):
                found[f"{rule.id}.{field}"] = _compile(words)
    return found


PATTERNS = _package_patterns()
assert all(
    p.needs is not None for p in PATTERNS.values()
)  # reading .needs builds every screen now, not after warm-up


def _same(pattern: Screened, text: str) -> None:
    assert _spans(pattern.search(text)) == _spans(pattern.regex.search(text)), (
        pattern.pattern,
        text,
    )
    assert [m.span() for m in pattern.finditer(text)] == [
        m.span() for m in pattern.regex.finditer(text)
    ]
    assert _spans(pattern.match(text)) == _spans(pattern.regex.match(text))


def _spans(m: re.Match | None):
    return m and (m.span(), m.groups())


def test_the_lexicons_are_screened():
    screened_ones = [name for name, p in PATTERNS.items() if p.needs]
    assert len(PATTERNS) >= 35 and len(screened_ones) == len(PATTERNS)
    assert {"lexicon.WANT", "parties.CONNECTOR", "gives.OFFER"} <= set(screened_ones)


def test_required_strings_spell_out_short_alternations_and_drop_longer_ones_they_cover():
    assert required_strings(re.compile(r"\b(?:i|we)(?:'d| would) love\b", re.I)) == {
        "i'd love",
        "i would love",
        "we'd love",
        "we would love",
    }
    assert required_strings(re.compile(r"\bwould love\b|\bwe'd really love\b|\blove\b", re.I)) == {
        "love"
    }
    assert required_strings(re.compile(r"\bdeck (?:attached|enclosed)\b|\b(?:cv|resume)\b")) == {
        "deck attached",
        "deck enclosed",
        "cv",
        "resume",
    }
    assert required_strings(re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)) == {"---"}
    assert required_strings(re.compile(r"\bit(?:'s|’s) been\b", re.I)) == {"it's been", "it’s been"}
    assert required_strings(re.compile(r"\bcaf(?:é|e)\b", re.I)) == {
        "cafe"
    }  # text with é is never screened
    assert required_strings(re.compile("\u212aeep", re.I)) == {"keep"}  # the Kelvin sign matches k


@pytest.mark.parametrize("source", [r"\w+ \d+", r"[A-Z]{2,4}", r"a|\w+", r"(a)\1", r"x"])
def test_no_screen_when_some_match_needs_no_literal_of_two_or_more_letters(source):
    pattern = Screened(re.compile(source, re.I))
    assert pattern.needs is None and pattern.could_match("zzz")


def test_a_pattern_that_needs_an_accented_letter_runs_only_on_text_that_has_one():
    pattern = Screened(re.compile("été", re.IGNORECASE))
    assert pattern.needs == frozenset() and not pattern.could_match("ete — it’s summer")
    assert pattern.search("Bel ÉTÉ").group() == "ÉTÉ"


def test_the_screen_is_built_only_after_a_pattern_has_been_used_a_while():
    pattern = Screened(re.compile(r"\bintroduce me to\b", re.IGNORECASE))
    early = [pattern.could_match("nothing to see") for _ in range(WARM_UP - 1)]
    assert all(early) and pattern._screen is None  # a one-draft check never builds it
    assert not pattern.could_match("nothing to see") and pattern._screen is not None


def test_text_with_cased_non_ascii_letters_always_runs_the_regex():
    kelvin = "\u212a"  # matches 'k' when ignoring case, though its lower() is not 'k'
    pattern = Screened(re.compile(r"\bkeep an eye out\b", re.IGNORECASE))
    for text in (f"Please {kelvin}eep an eye out for me", "José: nothing to see"):
        assert pattern.could_match(text)
    assert pattern.search(f"Please {kelvin}eep an eye out for me") is not None


def test_curly_quotes_and_dashes_keep_the_screen_on_and_match_as_themselves():
    pattern = Screened(re.compile(r"\bit(?:'s|’s) been (?:ages|forever)\b", re.IGNORECASE))
    assert pattern.needs == {f"it{s} been {w}" for s in ("'s", "’s") for w in ("ages", "forever")}
    assert pattern.search("Hi — It’s been ages!").group() == "It’s been ages"
    assert not pattern.could_match("Hi — it’s a “quick” one…")


def test_no_cased_character_lower_cases_to_one_the_screen_calls_caseless():
    """Ignoring case, re matches a text character to a pattern one when their simple lower cases
    agree (plus re's extra pairs, which are never caseless): so a caseless character can only ever
    match itself."""
    tolower = pytest.importorskip("_sre").unicode_tolower
    for code in range(0x110000):
        lower = tolower(code)
        if lower != code:
            assert not caseless(chr(lower)) and not caseless(chr(code)), hex(code)


def test_absent_strings_skip_the_search_and_present_ones_run_it():
    pattern = Screened(re.compile(r"\bintroduce (?:me|us) to\b", re.IGNORECASE))
    assert pattern.needs == {"introduce me to", "introduce us to"}
    assert pattern.search("Could you INTRODUCE me to Ana?").group() == "INTRODUCE me to"
    assert not pattern.could_match("Could you connect me with Ana?")
    assert list(pattern.finditer("nothing here")) == [] and pattern.findall("nothing here") == []


def _texts() -> list[str]:
    texts = []
    for path in CORPORA + [Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev.jsonl"]:
        if path.exists():
            texts += [
                json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()
            ]
    return texts


def test_real_drafts_get_the_same_matches_for_every_pattern():
    texts = _texts()
    pieces = [t for text in texts for t in (text, *re.split(r"(?<=[.?!\n])\s+", text))]
    assert len(texts) >= 90
    for pattern in PATTERNS.values():
        for piece in pieces:
            _same(pattern, piece)


NEEDS = sorted({s for p in PATTERNS.values() if p.needs for s in p.needs})
ODD = [
    "’",
    "“",
    "”",
    "—",
    "…",
    "\u00a0",
    "😀",
    "é",
    "\u212a",
    "ſ",
    "İ",
    "ı",
    "ς",
]  # caseless ones, and letters re pairs oddly
WORDS = st.one_of(
    st.sampled_from(NEEDS),
    st.sampled_from([" ", ", ", ".", "?", "\n", "'", "I", "you", "Ana", *ODD]),
    st.text(alphabet=st.characters(max_codepoint=0x3FF), max_size=12),
)
CASED = st.lists(
    st.tuples(WORDS, st.sampled_from([str, str.upper, str.title, str.capitalize])), max_size=10
).map(lambda parts: "".join(case(word) for word, case in parts))


@settings(max_examples=300, deadline=None)
@given(text=CASED)
def test_any_text_gets_the_same_matches_for_every_pattern(text):
    for pattern in PATTERNS.values():
        _same(pattern, text)
