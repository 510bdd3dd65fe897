"""Turn a rule's fix templates into concrete edits, and apply edits to text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Edit, Fix

if TYPE_CHECKING:
    from .analysis import Analysis
    from .catalogue import FixTemplate, RuleSpec
    from .kinds.base import Hit

SAFE_LEVELS = {"safe": ("safe",), "unsafe": ("safe", "unsafe")}


def _after_ask(a: "Analysis", hit: "Hit", text: str) -> tuple[Edit, ...]:
    anchor = a.asks[0].end if a.asks else hit.end
    return (Edit(start=anchor, end=anchor, text=text),)


def _fill_greeting(a: "Analysis", hit: "Hit", text: str) -> tuple[Edit, ...]:
    from .analysis import header_name

    g, name = a.layout.greeting, header_name(a.message.headers.get("To"))
    if not name:
        return ()
    if g is None:
        s = a.message.body.start
        return (Edit(start=s, end=s, text=f"Hi {name},\n\n"),)
    line = a.message.text[g.start:g.end]
    word = line.split()[0].rstrip(",!:")
    end_char = line[-1] if line[-1] in ",!:" else ","
    return (Edit(start=g.start, end=g.end, text=f"{word} {name}{end_char}"),)


def _after_greeting(a: "Analysis", hit: "Hit", text: str) -> tuple[Edit, ...]:
    s = a.sents[0].start_char + a.base if a.sents else a.layout.core[0]
    return (Edit(start=s, end=s, text=text),)


def _replace_ask(a: "Analysis", hit: "Hit", text: str) -> tuple[Edit, ...]:
    return (Edit(start=hit.start, end=hit.end, text=text),)


def _blurb(a: "Analysis", hit: "Hit", text: str) -> tuple[Edit, ...]:
    from .scaffold import forwardable_blurb

    last = a.sents[-1] if a.sents else None
    anchor = a.base + last.start_char + len(last.text.rstrip()) if last else a.layout.core[1]
    return (Edit(start=anchor, end=anchor, text="\n\n" + forwardable_blurb(a)),)


ACTIONS = {
    "insert-after-ask": _after_ask,
    "fill-greeting": _fill_greeting,
    "insert-after-greeting": _after_greeting,
    "replace-ask": _replace_ask,
    "insert-blurb": _blurb,
}


def _one(a: "Analysis", tpl: "FixTemplate", hit: "Hit") -> Fix | None:
    if tpl.action == "none" or tpl.safety == "suggestion":
        return Fix(title=tpl.title, safety="suggestion")
    if tpl.action == "fill-greeting" and not hit.data.get("greeting"):
        return None
    make = ACTIONS.get(tpl.action)
    edits = make(a, hit, tpl.text) if make else ()
    return Fix(title=tpl.title, safety=tpl.safety, edits=edits) if edits else None


def build_fixes(a: "Analysis", rule: "RuleSpec", hit: "Hit") -> tuple[Fix, ...]:
    return tuple(f for f in (_one(a, t, hit) for t in rule.fixes) if f is not None)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits from the end backwards; an overlapping later edit is skipped."""
    out, last = text, len(text) + 1
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if e.end > last or not (0 <= e.start <= e.end <= len(text)):
            continue
        out = out[:e.start] + e.text + out[e.end:]
        last = e.start
    return out


def chosen_edits(fixes_per_finding: list[tuple[Fix, ...]], level: str) -> list[Edit]:
    """The edits of the first fix at or below the safety level for each finding."""
    allowed = SAFE_LEVELS[level]
    edits = []
    for fixes in fixes_per_finding:
        fix = next((f for f in fixes if f.safety in allowed and f.edits), None)
        if fix:
            edits.extend(fix.edits)
    return edits
