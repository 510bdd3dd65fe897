"""Decoded message text placed back on the buffer: literal, quoted-printable, or the body start."""

from __future__ import annotations

from intro_lint.apps.lsp.mime import placement

HEAD = "From: a@example.org\nContent-Transfer-Encoding: quoted-printable\n\n"


def test_quoted_printable_escapes_and_soft_breaks_map_to_their_bytes():
    buffer = HEAD + "It=E2=80=99s a lo=\nng line =3D done\n"
    decoded = "It\u2019s a long line = done\n"
    where = placement(buffer, decoded)
    assert not where.literal
    start, end = where.span(decoded.index("long"), decoded.index("long") + 4)
    assert buffer[start:end] == "lo=\nng"
    start, end = where.span(2, 3)
    assert buffer[start:end] == "=E2=80=99"
    assert where.offset(0) is None  # no edits inside an encoded body


def test_a_literal_body_maps_exactly_and_takes_edits():
    buffer = "From: a@example.org\n\nHi Sam,\n\nCould you?\n"
    where = placement(buffer, "Hi Sam,\n\nCould you?\n")
    assert where.literal and where.offset(9) == buffer.index("Could")


def test_a_body_that_cannot_be_found_goes_to_the_first_body_line():
    buffer = "Content-Transfer-Encoding: base64\n\n\nSGkgU2FtLA==\nQ291bGQ=\n"
    where = placement(buffer, "Hi Sam,\nCould")
    start, end = where.span(3, 6)
    assert buffer[start:end] == "SGkgU2FtLA==" and where.offset(3) is None
