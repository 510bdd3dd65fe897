"""Turn a rule's fix templates into concrete edits for one hit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from intro_lint.analyse.analysis import Analysis
from intro_lint.check.fixes.scaffold import forwardable_blurb
from intro_lint.check.kinds.hit import Hit
from intro_lint.model import Edit, Fix
from intro_lint.read.mail import header_name

if TYPE_CHECKING:  # for annotations only: the catalogue imports Action from this module
    from intro_lint.check.catalogue import FixTemplate, RuleSpec


def _after_ask(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    anchor = a.asks[0].end if a.asks else hit.end
    return (Edit(start=anchor, end=anchor, text=text),)


def _fill_greeting(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    g, name = a.layout.greeting, header_name(a.message.headers.get("To"))
    if not name:
        return ()
    if g is None:
        s = a.message.body.start
        return (Edit(start=s, end=s, text=f"Hi {name},\n\n"),)
    line = a.message.text[g.start : g.end]
    word = line.split()[0].rstrip(",!:")
    end_char = line[-1] if line[-1] in ",!:" else ","
    return (Edit(start=g.start, end=g.end, text=f"{word} {name}{end_char}"),)


def _after_greeting(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    s = a.sents[0].start if a.sents else a.layout.core[0]
    return (Edit(start=s, end=s, text=text),)


def _replace_ask(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    return (Edit(start=hit.start, end=hit.end, text=text),)


def _blurb(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    last = a.sents[-1] if a.sents else None
    anchor = last.start + len(last.text.rstrip()) if last else a.layout.core[1]
    return (Edit(start=anchor, end=anchor, text="\n\n" + forwardable_blurb(a)),)


ACTIONS = {
    "insert-after-ask": _after_ask,
    "fill-greeting": _fill_greeting,
    "insert-after-greeting": _after_greeting,
    "replace-ask": _replace_ask,
    "insert-blurb": _blurb,
}
# what a rule's fix template may ask for: an edit from ACTIONS, or "none" (a suggestion only)
Action = Literal[("none", *ACTIONS)]  # type: ignore[misc]


def _one(a: Analysis, tpl: FixTemplate, hit: Hit) -> Fix | None:
    if tpl.action == "none" or tpl.safety == "suggestion":
        return Fix(title=tpl.title, safety="suggestion")
    if tpl.action == "fill-greeting" and not hit.data.get("greeting"):
        return None
    edits = ACTIONS[tpl.action](a, hit, tpl.text)
    return Fix(title=tpl.title, safety=tpl.safety, edits=edits) if edits else None


def build_fixes(a: Analysis, rule: RuleSpec, hit: Hit) -> tuple[Fix, ...]:
    return tuple(f for f in (_one(a, t, hit) for t in rule.fixes) if f is not None)
