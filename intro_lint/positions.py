"""Turn character offsets into 1-based line and column numbers (in code points)."""

from __future__ import annotations

from bisect import bisect_right

# Only "\n" starts a new line: "\r\n" therefore counts once, and a stray "\r" is
# an ordinary character. Offsets outside the text are clamped to its ends, so a
# bad span can never crash an output format.


def _clamp(text: str, offset: int) -> int:
    return min(max(offset, 0), len(text))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column of `offset` in `text`, both 1-based; one lookup, no index."""
    offset = _clamp(text, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class LineIndex:
    """Line starts of one text, computed once, for many offset lookups."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        found = text.find("\n")
        while found != -1:
            self.starts.append(found + 1)
            found = text.find("\n", found + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = _clamp(self.text, offset)
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
