"""Seeded mutators for fuzzing drafts (text) and mail (MIME bytes): the suite and the long run."""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# characters and pieces a careless paste or a hostile file brings: zero-width and combining
# marks, astral emoji, BOMs, every line break Python or LSP knows, controls, NUL, surrogate-free
# right-to-left marks, placeholders of every case, markup and quoting
ODD = [
    "\u200d", "\u200b", "e\u0301", "\u0301\u0308", "\U0001f600", "\U0001f468\u200d\U0001f469",
    "\ufeff", "\r\n", "\r", "\n", "\n\n\n", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x00",
    "\x1b[31m", "\u202e", "\t", "   ", "\u00a0", "ß", "İ", "\u212a", "ﬁ", "한국어", "العربية",
]  # fmt: skip
PIECES = [
    "Hi Sam,\n\n", "Dear all,\n", "It's been ages! ", "Could you introduce me to Ana at Lumen? ",
    "Do you know anyone hiring? ", "I'd love to pick your brain. ", "Resume attached. ",
    "[Company]", "[first name]", "{{name}}", "<First Name>", "[link]", "[web address]",
    "> On Mon, Ann wrote:\n> quoted text\n", "-- \nJo Park\nCEO, Example\n", "P.S. ",
    "<!-- intro-lint: ignore[vague-ask] -->", "**bold** ", "# Heading\n", "<b>html</b>",
    "https://example.com/deck.pdf ", "Thanks,\nJo\n", "?", "!!!", "ASAP. ", "urgent: ",
]  # fmt: skip


def draft_seeds() -> list[str]:
    """The example drafts' texts (mail bodies as raw text too): what mutations start from."""
    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".eml"})
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _point(rng: random.Random, text: str) -> int:
    return rng.randint(0, len(text))


def _span(rng: random.Random, text: str) -> tuple[int, int]:
    a = _point(rng, text)
    return a, min(len(text), a + rng.choice([1, 2, 5, 20, 80, 400]))


def _insert(rng: random.Random, text: str, others: list[str]) -> str:
    at = _point(rng, text)
    return text[:at] + rng.choice(ODD + PIECES) + text[at:]


def _delete(rng: random.Random, text: str, others: list[str]) -> str:
    a, b = _span(rng, text)
    return text[:a] + text[b:]


def _duplicate(rng: random.Random, text: str, others: list[str]) -> str:
    a, b = _span(rng, text)
    return text[:b] + text[a:b] * rng.choice([1, 3, 30]) + text[b:]


def _splice(rng: random.Random, text: str, others: list[str]) -> str:
    other = rng.choice(others)
    return text[: _point(rng, text)] + other[_point(rng, other) :]


def _case(rng: random.Random, text: str, others: list[str]) -> str:
    a, b = _span(rng, text)
    return text[:a] + rng.choice([str.upper, str.lower, str.swapcase])(text[a:b]) + text[b:]


def _line_breaks(rng: random.Random, text: str, others: list[str]) -> str:
    return text.replace("\n", rng.choice(["\r\n", "\r", "\u2028", "\n\n", " "]))


def _truncate(rng: random.Random, text: str, others: list[str]) -> str:
    return text[: _point(rng, text)]


def _random_chars(rng: random.Random, text: str, others: list[str]) -> str:
    at = _point(rng, text)
    junk = "".join(
        chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF)])) for _ in range(8)
    )
    return text[:at] + junk + text[at:]


DRAFT_MUTATIONS: list[Callable[[random.Random, str, list[str]], str]] = [
    _insert, _insert, _insert, _delete, _duplicate, _splice, _case, _line_breaks, _truncate,
    _random_chars,
]  # fmt: skip


def mutate_draft(rng: random.Random, seeds: list[str]) -> str:
    """A seed draft (or a blank page) after one to six random mutations."""
    text = rng.choice(seeds) if rng.random() < 0.95 else ""
    if rng.random() < 0.7:  # most drafts people paste are a few paragraphs, not a whole file
        start = rng.randint(0, max(0, len(text) - 100))
        text = text[start : start + rng.randint(100, 700)]
    for _ in range(rng.randint(1, 6)):
        text = rng.choice(DRAFT_MUTATIONS)(rng, text, seeds)
    return text


# ---- mail -------------------------------------------------------------------------------------

HEAD = (
    b"From: Jo Park <jo@example.com>\nTo: Sam Lee <sam@example.org>\n"
    b"Subject: An intro, if you are up for it\nDate: Mon, 12 Jan 2026 09:30:00 -0500\n"
    b"Message-ID: <fuzz@example.com>\nMIME-Version: 1.0\n"
)
BODY = (
    "Hi Sam,\n\nCould you introduce me to Ana at Lumen about the design role? "
    "I have attached my résumé.\n\nThanks,\nJo\n"
)
PDF = b"%PDF-1.4\n\x00\x01\xff\xfe\r\n\r\x80\x81\n%%EOF\n"


def mime_seeds() -> list[bytes]:
    """Well-formed messages of the shapes mail clients send, plus the example .eml files."""
    body = BODY.encode()
    plain = (
        HEAD
        + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        + body
    )
    qp = (
        HEAD + b"Content-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n" + BODY.replace("é", "=E9").encode()
    )
    mixed = (
        HEAD + b'Content-Type: multipart/mixed; boundary="=_b"\n\n--=_b\n'
        b"Content-Type: text/plain; charset=utf-8\n\n" + body + b"--=_b\n"
        b'Content-Type: application/pdf; name="cv.pdf"\n'
        b'Content-Disposition: attachment; filename="cv.pdf"\nContent-Transfer-Encoding: base64\n\n'
        + base64.encodebytes(PDF)
        + b"--=_b--\n"
    )
    alternative = (
        HEAD + b'Content-Type: multipart/alternative; boundary="alt"\n\n--alt\n'
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(body)
        + b"--alt\nContent-Type: text/html; charset=utf-8\n\n<p>"
        + body.replace(b"\n", b"<br>")
        + b"</p>\n--alt--\n"
    )
    examples = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.eml"))]
    return [plain, qp, mixed, alternative, *examples]


MIME_JUNK = [
    b"\n", b"\r\n", b"\r", b"\x00", b"\xff\xfe", b"--", b"--=_b\n", b"--alt--\n", b":",
    b"Content-Type: multipart/mixed; boundary=\n", b"Content-Type: text/plain; charset=x-made-up\n",
    b"Content-Transfer-Encoding: base64\n", b"Content-Transfer-Encoding: x-unknown\n",
    b"Subject: =?utf-8?b?!!!not-base64?=\n", b"Subject: =?x-bad?q?caf=E9?=\n",
    b"Content-Type: message/rfc822\n\n", b"=\n", b"=ZZ", b"\xc3\x28", b" " * 2000,
    b"X-Long: " + b"a" * 20000 + b"\n", b"Content-Disposition: attachment; filename*=UTF-8''%ZZ\n",
]  # fmt: skip


def _b_insert(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(MIME_JUNK) + data[at:]


def _b_delete(rng: random.Random, data: bytes) -> bytes:
    a = rng.randint(0, len(data))
    return data[:a] + data[a + rng.choice([1, 3, 16, 200]) :]


def _b_flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def _b_truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def _b_drop_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _b_line_ends(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n"]))


def _b_header(rng: random.Random, data: bytes) -> bytes:
    """A junk header field (or a broken one) where the header ends."""
    head, sep, body = data.partition(b"\n\n")
    return head + b"\n" + rng.choice(MIME_JUNK).rstrip(b"\n") + sep + body


MIME_MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _b_insert, _b_insert, _b_delete, _b_flip, _b_truncate, _b_drop_line, _b_line_ends, _b_header,
]  # fmt: skip


def mutate_mime(rng: random.Random, seeds: list[bytes]) -> bytes:
    """A seed message after one to five byte-level mutations (never an override header)."""
    data = rng.choice(seeds)
    for _ in range(rng.randint(1, 5)):
        data = rng.choice(MIME_MUTATIONS)(rng, data)
    return data.replace(b"X-Intro-Lint", b"X-Intro-Lin_")
