"""The input limits files and editor buffers share: size, magic numbers, NUL, control characters."""

from __future__ import annotations

import unicodedata

import pytest

from intro_lint.apps.lsp.buffers import not_text, too_large
from intro_lint.errors import InputError
from intro_lint.read.decode import check_magic, check_size, decode_text
from intro_lint.read.limits import (
    ALLOWED_CONTROLS,
    CONTROLS,
    has_nul,
    known_binary,
    mostly_controls,
    text_size_over,
)


def test_controls_are_unicode_cc_minus_tab_newlines_and_feeds():
    cc = {chr(i) for i in range(0x110000) if unicodedata.category(chr(i)) == "Cc"}
    assert {ch for ch in cc if CONTROLS.fullmatch(ch)} == cc - ALLOWED_CONTROLS


def test_mostly_controls_is_over_five_percent():
    assert not mostly_controls("\x01" + "a" * 19) and mostly_controls("\x01\x01" + "a" * 19)
    assert not mostly_controls("") and not mostly_controls("\t\n\r\f\v" * 10)


def test_text_size_over_counts_utf8_bytes_only_when_it_could_be_over():
    assert text_size_over("é" * 10, 20) is None and text_size_over("é" * 11, 20) == 22
    assert text_size_over("a" * 5, 20) is None and text_size_over("a" * 21, 20) == 21


class NoEncode(str):
    def encode(self, *args):
        raise AssertionError("a clearly small buffer is not encoded")


def test_a_clearly_small_text_is_not_encoded():
    assert text_size_over(NoEncode("é" * 250), 1000) is None


def test_magic_and_nul():
    assert known_binary(b"%PDF-1.4") == "a PDF document" and known_binary(b"Hi Jo") is None
    assert has_nul(b"a\x00") and has_nul("a\x00") and not has_nul("abc") and not has_nul(b"abc")


def test_files_keep_their_messages():
    with pytest.raises(InputError, match=r"file is 11 bytes, over the limit of 10 bytes"):
        check_size(11, "d.txt", 10)
    with pytest.raises(InputError, match="looks like a PNG image, not a text or email draft"):
        check_magic(b"\x89PNG\r\n", "d.txt")
    with pytest.raises(InputError, match=r"mostly control characters\), not a text draft"):
        decode_text(b"\x01\x02 ab", "d.txt")


def test_buffers_keep_their_notices_and_sample_only_the_start():
    over = (
        "intro-lint: this draft is 11 bytes, over the limit of 10 bytes (setting max-bytes); "
        "not linted"
    )
    assert too_large("a" * 11, 10) == over
    assert too_large("a" * 10, 10) is None
    nul = "intro-lint: this buffer contains NUL characters and looks binary; not linted"
    controls = "intro-lint: this buffer is mostly control characters and looks binary; not linted"
    assert not_text("ab\x00") == nul and not_text("\x01" * 10) == controls
    assert not_text("a" * 65536 + "\x00" * 100) is None  # past the 64 KiB sample
