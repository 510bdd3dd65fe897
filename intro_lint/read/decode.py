"""Turn a draft's bytes into text: size, magic and binary checks, BOMs, UTF-8/cp1252, newlines."""

from __future__ import annotations

from intro_lint.errors import InputError
from intro_lint.read.limits import (
    ALLOWED_CONTROLS,
    has_nul,
    known_binary,
    mostly_controls,
    over_limit,
)

# Newlines: every entry point turns "\r\n" and a lone "\r" into "\n" before anything else, so every
# offset in a Message points into that normalised text. Line numbers are unchanged by this (editors
# and LSP count "\r\n", "\r" and "\n" as one line break each), so line/column stay exact.

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def check_size(size: int, path: str, max_bytes: int) -> None:
    if over_limit(size, max_bytes):
        raise InputError(
            path,
            f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes "
            "(configurable via max-bytes)",
        )


def check_magic(data: bytes, path: str) -> None:
    what = known_binary(data)
    if what:
        raise InputError(path, f"looks like {what}, not a text or email draft")


def decode_text(data: bytes, path: str) -> str:
    """Decode a text file's bytes, or raise InputError saying which encoding failed.

    A BOM decides (UTF-8, UTF-16, UTF-32). Without one, the bytes must be UTF-8, with a single
    fallback: bytes that are not UTF-8 are read as Windows-1252 (a superset of Latin-1's printable
    characters, what old Windows editors save) only when they hold no C0 control characters besides
    tab, newline, carriage return, form feed and vertical tab. Control characters mean the bytes are
    more likely binary or another encoding, and a wrong guess would silently garble names.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, path, encoding)
    if has_nul(data):
        raise InputError(
            path,
            "looks like a binary file (it contains NUL bytes); if it is UTF-16 "
            "text, save it as UTF-8",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _decode_cp1252(data, path, exc)
    _check_mostly_text(text, path)
    return text


def _decode_with_bom(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
        raise InputError(
            path, f"starts with a {name} byte-order mark but is not valid {name}"
        ) from None


def _decode_cp1252(data: bytes, path: str, exc: UnicodeDecodeError) -> str:
    where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    if any(chr(b) not in ALLOWED_CONTROLS for b in data if b < 0x20):
        raise InputError(
            path,
            f"is not valid UTF-8 ({where}) and holds control characters, so it "
            "is not Windows-1252/Latin-1 text either; save it as UTF-8",
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        problem = f"is not valid UTF-8 ({where}) nor Windows-1252; save it as UTF-8"
        raise InputError(path, problem) from None


def _check_mostly_text(text: str, path: str) -> None:
    """Refuse text in which more than 5% of the characters are control characters."""
    if mostly_controls(text):
        raise InputError(
            path, "looks like a binary file (mostly control characters), not a text draft"
        )


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def newlines_like(original: bytes, text: str) -> str:
    """Normalised text given back the original's "\r\n" line breaks when it had any."""
    return text.replace("\n", "\r\n") if b"\r\n" in original else text
