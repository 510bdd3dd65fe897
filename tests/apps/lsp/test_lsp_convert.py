"""Offsets <-> positions in UTF-16 (the default), UTF-8 and UTF-32, with emoji and accents."""

from __future__ import annotations

from lsprotocol import types

from intro_lint.apps.lsp.convert import PositionMap

TEXT = "Hi Zoë 👋🏽,\n\nCafé ☕ 😀 then the ask.\r?\n"


def test_utf16_positions_count_surrogate_pairs():
    positions = PositionMap(TEXT)
    offset = TEXT.index("then")
    assert positions.position(offset) == types.Position(
        line=2, character=len("Café ☕ 😀 ".encode("utf-16-le")) // 2
    )
    assert positions.position(offset).character == 10  # 9 code points, 😀 is two UTF-16 units


def test_round_trip_in_every_encoding():
    for encoding in ("utf-16", "utf-8", "utf-32", types.PositionEncodingKind.Utf8, None):
        positions = PositionMap(TEXT, encoding)
        for offset in range(len(TEXT) + 1):
            assert positions.offset(positions.position(offset)) == offset, (encoding, offset)


def test_out_of_range_positions_clamp():
    positions = PositionMap(TEXT)
    assert positions.offset(types.Position(line=0, character=999)) == TEXT.index("\n")
    assert positions.offset(types.Position(line=99, character=0)) == len(TEXT)
    assert positions.position(-5) == types.Position(line=0, character=0)
    assert positions.position(10_000) == positions.position(len(TEXT))


def test_inside_a_surrogate_pair_means_the_whole_character():
    positions = PositionMap("a😀b")
    assert positions.offset(types.Position(line=0, character=2)) == 1
