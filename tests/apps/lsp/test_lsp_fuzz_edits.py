"""Seeded random edits with odd characters: every request answered, every range inside its text."""

from __future__ import annotations

import asyncio
import os
import random

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

# the suite's budget; benchmarks/fuzz_long.py runs the same test with more edits and other seeds
EDITS = int(os.environ.get("INTRO_LINT_FUZZ_EDITS", "300"))
SEED = int(os.environ.get("INTRO_LINT_FUZZ_SEED", "11"))
# zero-width joiner and space, combining marks, astral and ZWJ-joined emoji, a BOM, CRLF, a lone
# CR, and the characters Python's str.splitlines() takes for line breaks but LSP does not
ODD = [
    "\u200d",
    "\u200b",
    "e\u0301",
    "\u0301\u0308",
    "\U0001f600",
    "\U0001f44d\U0001f3fd",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\ufeff",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0c",
    "\x0b",
    "\x1e",
]
WORDS = [
    "Hi Sam,",
    " Could you introduce me to Ana at Lumen?",
    " I'm looking for a new role, do you know anyone hiring?",
    " Thanks,\nJo",
    " attached",
    " [Company]",
    " ",
]
START = "Hi Sam,\n\nLong time no talk! Could you introduce me to anyone hiring?\n\nThanks,\nJo\n"


def cut_points(text: str) -> list[int]:
    """Offsets an LSP position can name: not between the two halves of a "\\r\\n"."""
    return [n for n in range(len(text) + 1) if not (text[n - 1 : n + 1] == "\r\n")]


def random_piece(rng: random.Random) -> str:
    return "".join(rng.choice(ODD + WORDS) for _ in range(rng.randint(1, 4)))


def random_edit(lsp, rng: random.Random, uri: str) -> int:
    """One incremental insert, delete or replace, or now and then a whole new text."""
    text = lsp.texts[uri]
    if rng.random() < 0.05:
        return lsp.replace(uri, random_piece(rng) + START if rng.random() < 0.7 else "")
    points = cut_points(text)
    start = rng.choice(points)
    end = rng.choice([p for p in points if start <= p <= start + 12])
    new = "" if len(text) > 600 and rng.random() < 0.6 else random_piece(rng)
    return lsp.edit(uri, start, end, new)


def random_request(lsp, rng: random.Random, uri: str):
    """A hover or a code action at a random place in the current text, not awaited yet."""
    text = lsp.texts[uri]
    points = cut_points(text)
    a, b = sorted(rng.sample(points, 2) if len(points) > 1 else points * 2)
    if rng.random() < 0.5:
        return asyncio.ensure_future(lsp.hover(uri, lsp.position_at(text, a)))
    span = types.Range(start=lsp.position_at(text, a), end=lsp.position_at(text, b))
    return asyncio.ensure_future(lsp.actions(uri, span))


def oracle(linter, text: str) -> set[tuple[str, str]]:
    from intro_lint.read.message import read_text

    return {
        (f.rule, text[f.start : f.end])
        for f in linter.lint([read_text(text, "draft.txt")])[0].findings
    }


async def test_random_odd_edits_keep_every_range_inside_its_version(lsp, linter):
    rng = random.Random(SEED)
    uri = lsp.uri("fuzzed.txt")
    await lsp.open(uri, START)
    first = lsp.publish_count()
    pending = []
    for _ in range(EDITS):
        version = random_edit(lsp, rng, uri)
        if rng.random() < 0.3:
            pending.append(random_request(lsp, rng, uri))
    final = lsp.texts[uri]
    found = await lsp.diagnostics(uri, version)
    done, not_done = await asyncio.wait(pending, timeout=60)
    assert not not_done, f"{len(not_done)} of {len(pending)} requests unanswered"
    assert all(f.exception() is None for f in done), [f.exception() for f in done if f.exception()]
    published = [p for p in lsp.client.history[first:] if p.uri == uri]
    outside = [
        (p.version, d.range)
        for p in published
        for d in p.diagnostics
        if not lsp.inside(lsp.by_version[uri, p.version], d.range)
    ]
    assert outside == []
    # the server's text is the client's: the same findings on the same words (compared on the
    # text with one kind of line break, where the linter's offsets and the LSP lines agree)
    flat = final.replace("\r\n", "\n").replace("\r", "\n")
    assert {(d.code, lsp.text_in(flat, d.range)) for d in found} == oracle(linter, flat)
    assert not [m.message for m in lsp.client.log_messages if "failed" in m.message]
    lsp.close(uri)
