"""Fix-all drops overlapping edits as `check --fix` does: one resolver, in check/fixes/apply.py."""

from __future__ import annotations

from intro_lint.apps.lsp import actions
from intro_lint.check.fixes.apply import apply_edits, non_overlapping
from intro_lint.model import Edit

TEXT = "0123456789"


def edit(start: int, end: int, text: str = "X") -> Edit:
    return Edit(start=start, end=end, text=text)


def test_fix_all_uses_the_one_resolver():
    assert actions.non_overlapping is non_overlapping


def test_from_the_end_backwards_an_edit_overlapping_a_later_one_is_dropped():
    edits = [edit(0, 3, "a"), edit(2, 5, "b"), edit(5, 5, "c"), edit(7, 9, "d"), edit(8, 10, "e")]
    assert non_overlapping(edits) == [edit(2, 5, "b"), edit(5, 5, "c"), edit(8, 10, "e")]
    assert apply_edits(TEXT, edits) == "01bc567e"


def test_touching_edits_both_stay_and_come_back_in_text_order():
    edits = [edit(4, 6, "b"), edit(0, 4, "a")]
    assert non_overlapping(edits) == [edit(0, 4, "a"), edit(4, 6, "b")]
    assert apply_edits(TEXT, edits) == "ab6789"


def test_apply_edits_also_drops_edits_outside_the_text_without_blocking_others():
    edits = [edit(3, 4, "a"), edit(2, 40, "far"), edit(-1, 1, "neg")]
    assert apply_edits(TEXT, edits) == "012a456789"
    assert non_overlapping(edits) == [edit(-1, 1, "neg"), edit(3, 4, "a")]  # the editor's view
