"""Message-level facts from the detectors, as numbers a learned head can weigh."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intro_lint.analyse.analysis import Analysis

ASK_KINDS = ("reference", "referral", "intro", "leads", "review", "meeting", "info", "other")
GIVE_KINDS = ("offer", "interest", "invited")
PURPOSES = ("job", "investor", "customer")


def _asks(a: Analysis) -> dict[str, float]:
    asks = a.asks
    out = {
        "asks": len(asks),
        "ask-open-ended": any(x.open_ended for x in asks),
        "ask-open-markers": sum(len(x.open_markers) for x in asks),
        "ask-brain-pick": any(x.brain_pick for x in asks),
        "ask-alternatives": any(x.alternatives >= 2 for x in asks),
        "ask-timebox": any(x.timebox for x in asks),
        "ask-targets": sum(len(x.targets) for x in asks),
        "ask-request-verbs": max((x.request_verbs for x in asks), default=0),
    }
    out.update({f"ask-kind-{k}": sum(x.kind == k for x in asks) for k in ASK_KINDS})
    return out


def _gives_and_parties(a: Analysis) -> dict[str, float]:
    p = a.parties
    first_ask = min((x.start for x in a.asks), default=None)
    out = {"gives": len(a.gives), "gaps": len(a.gaps)}
    # "deposits before withdrawals" (seeds/003): something for the reader before the first ask
    out["give-before-ask"] = first_ask is not None and any(g.start < first_ask for g in a.gives)
    out.update({f"give-{k}": sum(g.kind == k for g in a.gives) for k in GIVE_KINDS})
    out.update({f"purpose-{k}": k in p.purposes for k in PURPOSES})
    out.update(
        beneficiary=p.beneficiary is not None,
        connector_note=p.connector_note,
        targets=len(p.targets),
        roles=len(p.roles),
        reader_named=p.reader is not None,
    )
    return out


def _materials(a: Analysis) -> dict[str, float]:
    m, b = a.materials, a.blurb
    return {
        "materials-present": m.present,
        "attached": len(m.attached),
        "links": len(m.links),
        "says-attached": m.says_attached is not None,
        "says-attached-missing": m.says_attached is not None and not m.attached,
        "materials-mentioned": len(m.mentioned),
        "note": b is not None,
        "note-self-contained": bool(b and b.self_contained),
        "note-announced": bool(b and b.announced),
        "note-problems": len(b.problems) if b else 0,
    }


def _layout(a: Analysis) -> dict[str, float]:
    g, f = a.layout.greeting, a.focus
    # length enters as a logarithm, capped: a long real draft must not look better for its length
    return {
        "greeting-none": g is None,
        "greeting-group": bool(g and g.group),
        "greeting-named": bool(g and g.name),
        "self-clauses": min(f.self_clauses, 12),
        "reader-clauses": min(f.reader_clauses, 12),
        "self-share": f.self_share,
        "log-sentences": math.log1p(min(len(a.sents), 12)),
    }


def message_features(a: Analysis) -> dict[str, float]:
    """Every named fact, as a float; the names are the columns of the trained heads."""
    out = {**_asks(a), **_gives_and_parties(a), **_materials(a), **_layout(a)}
    return {k: float(v) for k, v in out.items()}
