"""The eight mission checks over the intro-request model, each registered once with its params."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import create_model

from intro_lint.analyse.analysis import Analysis
from intro_lint.analyse.request.asks import Ask, is_catch_up
from intro_lint.analyse.request.gives import Give
from intro_lint.analyse.screen import Screened
from intro_lint.check.kinds.guarded import Guarded, where_of
from intro_lint.check.kinds.hit import Hit
from intro_lint.check.kinds.params import Number, Params, Regex, Regexes
from intro_lint.check.signals import Signals
from intro_lint.read.mail import header_name

# a hit on a fact the code can see for itself (a leftover placeholder, a missing attachment the
# text promises, near-copies in the batch): it stands whatever a learned decision says
CERTAIN = {"certain": True}
# a placeholder left in the draft is an error whatever the rule's severity: it would be sent as is
UNFILLED = {**CERTAIN, "severity": "error"}
# a template slot: a few words in [square brackets] (not a markdown link "[text](url)", a reference
# "[text][1]", a citation "[1]" or "[sic]"), {company} or {{ name }}, or <first name> (not an HTML
# tag, an address or a URL); the rule files' `placeholder` param (generic-blast) uses this pattern.
# "[link]" is not one: the labelled corpora write it for a real link left out of the page's copy
HTML_TAGS = (
    r"(?:br|hr|div|span|img|strong|em|code|pre|table|tr|td|th|ul|ol|li|sub|sup|kbd|small|html"
    r"|body)\b"
)
PLACEHOLDER = (
    r"\[(?!sic\])(?![^\]]*\blink\b)[A-Za-z][\w'’.,:/-]+(?: [\w'’.,:/-]+){0,5}\](?![(\[])"
    r"|\{\{\s*\w+\s*\}\}|\{[A-Za-z][A-Za-z_ ]{1,30}\}"
    r"|<(?!" + HTML_TAGS + r")[A-Za-z]{2,}(?: [A-Za-z]+){0,3}>"
)
UNFILLED_RX = re.compile(PLACEHOLDER)
SUBSTANTIVE = ("intro", "reference", "referral", "leads", "review", "info", "other", "meeting")


def _compile(words: list[str] | str) -> Screened | None:
    """A rule's phrase list (regular expressions, matched case-insensitively on word boundaries)."""
    return _compiled((words,) if isinstance(words, str) else tuple(words))


@lru_cache(maxsize=256)
def _compiled(words: tuple[str, ...]) -> Screened | None:
    if not words:
        return None
    return Screened(Guarded(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE, where_of(*words)))


def _first(a: Analysis) -> tuple[int, int]:
    if a.sents:
        s = a.sents[0]
        return s.start, s.start + len(s.text.rstrip())
    return a.message.body.start, a.message.body.end


def _need_signal(a: Analysis) -> bool:
    """No explicit ask, yet the draft exists to get something (a job, a lead)."""
    return (
        bool(a.parties.purposes)
        and not _gives(a)
        and (bool(a.message.attachments) or a.focus.self_share >= 0.5)
    )


def _real_asks(a: Analysis) -> tuple[Ask, ...]:
    return tuple(x for x in a.asks if not is_catch_up(x))


def _unfilled(text: str) -> bool:
    """The text still holds a template placeholder (an inserted scaffold not yet filled in)."""
    return UNFILLED_RX.search(text) is not None


def _scaffold(hits: list[Hit], unfilled: bool, what: str) -> list[Hit]:
    """Hits that stand only because a scaffold is unfilled are certain: the code sees it."""
    if not unfilled:
        return hits
    note = f"{what} still holds placeholders"
    return [replace(h, evidence=(*h.evidence, note), data={**h.data, **CERTAIN}) for h in hits]


def _gives(a: Analysis) -> tuple[Give, ...]:
    """The draft's offers and interest; a scaffold's "[something]" offers nothing until filled."""
    return tuple(g for g in a.gives if not _unfilled(g.text))


def _ask_evidence(ask: Ask) -> str:
    return f'ask: "{ask.text}" ({ask.why})'


class CheckParams(Params):
    """The parameters of one check: a subclass per check, tagged with its name by @check."""

    kind: Literal["model"] = "model"
    check: str  # the check's name; @check makes it a Literal of that name, with it as the default


@dataclass(frozen=True)
class Check:
    """A registered check: its function and the model of the parameters a rule may give it."""

    run: Callable[[Analysis, Any, Signals], list[Hit]]
    params: type[CheckParams]


CHECKS: dict[str, Check] = {}
F = TypeVar("F", bound=Callable[..., list[Hit]])


def check(name: str, params: type[CheckParams] = CheckParams) -> Callable[[F], F]:
    """Register a function as check `name`; `params`, tagged `check = name`, are its parameters."""
    tag = Literal[name]  # type: ignore[valid-type]
    title = name.title().replace("-", "")
    model = create_model(f"{title}Params", __base__=params, check=(tag, name))

    def register(fn: F) -> F:
        if name in CHECKS:
            raise ValueError(f"check {name!r} is registered twice")
        CHECKS[name] = Check(fn, model)
        return fn

    return register


@check("long-silence")
def long_silence(a: Analysis, p: CheckParams, batch: Signals) -> list[Hit]:
    asks = [x for x in _real_asks(a) if x.kind in SUBSTANTIVE]
    offers = [g for g in a.gives if g.kind == "offer"]
    if not a.gaps or not asks or any(not _unfilled(g.text) for g in offers):
        return []
    gap = a.gaps[0]
    why = (f'gap: "{gap.text}"', _ask_evidence(asks[0]), "no offer or news for them first")
    return _scaffold([Hit(gap.start, gap.end, why)], bool(offers), "the offer")


class VagueAsk(CheckParams):
    max_context_free_sentences: Number = 3


@check("vague-ask", VagueAsk)
def vague_ask(a: Analysis, p: VagueAsk, batch: Signals) -> list[Hit]:
    asks = _real_asks(a)
    if a.parties.connector_note and not any(x.open_ended for x in asks):
        return []
    if not a.asks:
        if _need_signal(a):
            s, e = _first(a)
            return [
                Hit(s, e, ("no request found, though the draft is after a job, lead or intro",))
            ]
        return []
    vague = [x for x in asks if x.open_ended or _unfilled(x.text)]
    if vague:
        x = vague[0]
        why = [
            f"open-ended: {', '.join(x.open_markers)}" if x.open_markers else "",
            "brain-picking with no question" if x.brain_pick else "",
            f"{x.alternatives} alternatives joined by 'or'" if x.alternatives >= 2 else "",
        ]
        hit = Hit(x.start, x.end, (_ask_evidence(x), *[w for w in why if w]))
        return _scaffold([hit], _unfilled(x.text), "the request")
    contextless = len(a.sents) and all(any(s.start == x.start for x in a.asks) for s in a.sents)
    if contextless and len(a.sents) <= p.max_context_free_sentences:
        x = a.asks[0]
        return [
            Hit(x.start, x.end, (_ask_evidence(x), "no sentence says who you are or why you ask"))
        ]
    return []


class NoAttachment(CheckParams):
    purposes: Regexes = ["job", "investor", "customer"]


@check("no-attachment", NoAttachment)
def no_attachment(a: Analysis, p: NoAttachment, batch: Signals) -> list[Hit]:
    m = a.materials
    if m.says_attached and not m.attached and a.message.kind == "email":
        s, e = m.says_attached
        why = ("the text says something is attached, but the message has no attachment",)
        return [Hit(s, e, why, CERTAIN)]
    purposes = set(a.parties.purposes) & set(p.purposes)
    present = m.attached or any(not _unfilled(link) for link in m.links)  # "[link]" is no link
    if not purposes or present or a.parties.connector_note:
        return []
    asks = [x for x in a.asks if x.kind in ("intro", "leads", "referral")]
    if not asks:
        return []
    x = asks[0]
    why = (
        _ask_evidence(x),
        f"request for: {', '.join(sorted(purposes))}",
        "nothing attached or linked",
    )
    return _scaffold([Hit(x.start, x.end, why)], bool(m.links), "the link")


@check("not-forwardable")
def not_forwardable(a: Analysis, p: CheckParams, batch: Signals) -> list[Hit]:
    if a.parties.connector_note:
        return []  # the connector's own note to the target is what gets read
    b = a.blurb
    problems = (*b.problems, *_blanks(a.text[b.start : b.end])) if b else ()
    if b and problems and (b.announced or any(x.kind == "intro" for x in a.asks)):
        hit = Hit(b.start, b.end, ("the note meant for forwarding " + "; ".join(problems),))
        return [replace(hit, data=CERTAIN) if _blanks(a.text[b.start : b.end]) else hit]
    if b:
        return []
    kinds = ("intro", "leads", "referral") if a.parties.beneficiary else ("intro",)
    asks = [x for x in a.asks if x.kind in kinds]
    if not asks:
        return []
    x = asks[0]
    return [
        Hit(x.start, x.end, (_ask_evidence(x), "no self-contained note the reader could forward"))
    ]


def _blanks(text: str) -> tuple[str, ...]:
    return ("still holds placeholders",) if _unfilled(text) else ()


class AsksWithoutGiving(CheckParams):
    volunteers_reader: Regexes = []


@check("asks-without-giving", AsksWithoutGiving)
def asks_without_giving(a: Analysis, p: AsksWithoutGiving, batch: Signals) -> list[Hit]:
    volunteered = _compile(p.volunteers_reader)
    m = volunteered.search(a.core_text) if volunteered else None
    if m and a.parties.connector_note and not _gives(a):
        s = a.layout.core[0] + m.start()
        return [
            Hit(
                s,
                s + len(m.group()),
                (f"commits the reader's time for someone else: '{m.group()}'",),
            )
        ]
    if _gives(a) or a.parties.connector_note:
        return []
    asks = _real_asks(a)
    if asks:
        x = asks[0]
        why = (_ask_evidence(x), "no offer, pointer or interest in the reader's own work")
        return _scaffold([Hit(x.start, x.end, why)], bool(a.gives), "the offer")
    if _need_signal(a):
        s, e = _first(a)
        why = ("the draft is after something and offers nothing",)
        return _scaffold([Hit(s, e, why)], bool(a.gives), "the offer")
    return []


class GenericBlast(CheckParams):
    reads_signals: ClassVar[bool] = True  # the draft's near-copies in the batch
    placeholder: Regex | None = None
    reader_reference: Regexes = []
    mass_phrases: Regexes = []


@check("generic-blast", GenericBlast)
def generic_blast(a: Analysis, p: GenericBlast, batch: Signals) -> list[Hit]:
    """What the draft shows, plus the batch's word that it is one template sent to many readers."""
    hits = _blast(a, p)
    if not batch.near_copies:
        return hits
    note = _template_evidence(batch)
    if hits:
        first = hits[0]
        return [replace(first, evidence=(*first.evidence, note), data={**first.data, **CERTAIN})]
    return [Hit(0, len(a.message.text.split("\n", 1)[0]), (note,), CERTAIN)]  # the first line


def _template_evidence(batch: Signals) -> str:
    others = batch.near_copies
    more = f" and {len(others) - 5} more" if len(others) > 5 else ""
    shown = ", ".join(others[:5]) + more
    return f"the same template as {shown} (similarity at least {batch.similarity:.2f})"


def _placeholders(a: Analysis, pattern: str) -> list:
    """Placeholders anywhere the writer wrote (body, signature, a subject line), not in quotes."""
    quoted = a.message.quoted
    return [
        b
        for b in Guarded(pattern).finditer(a.text)
        if b.group() and not any(q.start <= b.start() < q.end for q in quoted)
    ]


def _blast(a: Analysis, p: GenericBlast) -> list[Hit]:
    text = a.text[a.message.body.start : a.message.body.end]
    blanks = _placeholders(a, p.placeholder) if p.placeholder else []
    if blanks:  # one finding at each placeholder, each an error (UNFILLED)
        return [
            Hit(b.start(), b.end(), (f"leftover placeholder '{b.group()}'",), UNFILLED)
            for b in blanks
        ]
    mass = _compile(p.mass_phrases)
    hit = mass.search(text) if mass else None
    if hit:
        s = a.message.body.start + hit.start()
        return [Hit(s, s + len(hit.group()), (f"mass-mail wording: '{hit.group()}'",))]
    g = a.layout.greeting
    if g and g.group:
        return [Hit(g.start, g.end, ("the greeting names no one",), {"greeting": True})]
    named = a.parties.reader and a.parties.reader != header_name(a.message.headers.get("To"))
    about_reader = _compile(p.reader_reference)
    if about_reader and about_reader.search(a.core_text):
        return []
    if g and not g.name and not named and (a.asks or _need_signal(a)):
        return [
            Hit(
                g.start,
                g.end,
                ("the greeting names no one and nothing says why this reader",),
                {"greeting": True},
            )
        ]
    if (
        not g
        and not named
        and not a.parties.targets
        and not a.parties.connector_note
        and (a.asks or _need_signal(a) or not a.sents)
    ):
        s, e = _first(a)
        return [
            Hit(
                s,
                e,
                ("no greeting and nothing that names the reader or why they were chosen",),
                {"greeting": True},
            )
        ]
    return []


class ResearchBurden(CheckParams):
    open_sets: Regexes = []


@check("research-burden", ResearchBurden)
def research_burden(a: Analysis, p: ResearchBurden, batch: Signals) -> list[Hit]:
    rx = _compile(p.open_sets)
    for x in a.asks if rx else ():
        m = rx.search(x.text)
        if m:
            return [
                Hit(x.start, x.end, (_ask_evidence(x), f"the reader must search: '{m.group()}'"))
            ]
    return []


class SelfCentered(CheckParams):
    urgency: Regexes = []
    desperation: Regexes = []
    fallback: Regexes = []
    stacked_asks: Number = 3
    self_focus: Number = 0.85
    min_self_clauses: Number = 6


@check("self-centered", SelfCentered)
def self_centered(a: Analysis, p: SelfCentered, batch: Signals) -> list[Hit]:
    if not a.asks and not _need_signal(a):
        return []  # urgency words in a note that asks for nothing are not pressure on the reader
    text = a.text[a.layout.core[0] : a.layout.core[1]]
    groups = (("urgency", p.urgency), ("desperation", p.desperation), ("fallback", p.fallback))
    for group, words in groups:
        rx = _compile(words)
        m = rx.search(text) if rx else None
        if m:
            s = a.layout.core[0] + m.start()
            return [Hit(s, s + len(m.group()), (f"{group}: '{m.group()}'",))]
    stacked = [x for x in a.asks if x.request_verbs >= p.stacked_asks]
    if stacked:
        x = stacked[0]
        return [
            Hit(
                x.start,
                x.end,
                (_ask_evidence(x), f"{x.request_verbs} favours stacked in one request"),
            )
        ]
    share, n = a.focus.self_share, a.focus.self_clauses
    if share >= p.self_focus and n >= p.min_self_clauses and not _gives(a) and a.asks:
        s, e = _first(a)
        return [
            Hit(s, e, (f"{n} clauses about the writer, {a.focus.reader_clauses} about the reader",))
        ]
    return []
