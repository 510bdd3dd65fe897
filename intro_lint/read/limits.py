"""What input is refused before it is read as a draft: too many bytes, or binary, not text."""

from __future__ import annotations

import re

MAGIC = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.pages file)",
    b"\xd0\xcf\x11\xe0": "a legacy Microsoft Office document",
    b"\x7fELF": "a program",
}
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode category Cc minus the allowed ones
CONTROL_SHARE = 0.05
UTF8_MAX_BYTES_PER_CHAR = 4


def over_limit(size: int, max_bytes: int) -> bool:
    return size > max_bytes


def text_size_over(text: str, max_bytes: int) -> int | None:
    """The UTF-8 size of text when over max_bytes, else None; not encoded when clearly small."""
    if len(text) * UTF8_MAX_BYTES_PER_CHAR <= max_bytes:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if over_limit(size, max_bytes) else None


def known_binary(data: bytes) -> str | None:
    """What the bytes are when they open with a known binary format's magic number, else None."""
    return next((what for magic, what in MAGIC.items() if data.startswith(magic)), None)


def has_nul(sample: str | bytes) -> bool:
    return (b"\x00" if isinstance(sample, bytes) else "\x00") in sample


def mostly_controls(text: str) -> bool:
    """More than 5% of the characters are control characters (tab, newlines and feeds excepted)."""
    return len(CONTROLS.findall(text)) > len(text) * CONTROL_SHARE
