"""Render what the analysis found in one draft (for `intro-lint parse`)."""

from __future__ import annotations


def _sentences(a) -> list[str]:
    return [f"  [{s.start}-{s.end}] {s.text.strip()}" for s in a.sents]


def render_analysis(a) -> str:
    p, m = a.parties, a.materials
    lines = [
        f"draft: {a.message.path} ({a.message.kind})",
        "sentences:",
        *_sentences(a),
        "entities:",
    ]
    lines += [f"  {e.text} ({e.label_})" for e in a.doc.ents]
    lines.append("asks:")
    lines += [
        f"  [{x.kind}] {x.text}\n"
        f"      why: {x.why}; open: {list(x.open_markers)}; brain-pick: {x.brain_pick}; "
        f"alternatives: {x.alternatives}; timebox: {x.timebox}; targets: {list(x.targets)}"
        for x in a.asks
    ]
    lines.append("gives:")
    lines += [f"  [{g.kind}] {g.text}" for g in a.gives]
    lines.append("gap mentions: " + (", ".join(g.text for g in a.gaps) or "none"))
    lines.append(
        f"parties: reader={p.reader} beneficiary={p.beneficiary} targets={list(p.targets)} "
        f"roles={list(p.roles)} connector-note={p.connector_note} purposes={list(p.purposes)}"
    )
    lines.append(
        f"materials: attached={list(m.attached)} links={list(m.links)} "
        f"mentioned={list(m.mentioned)}"
    )
    b = a.blurb
    lines.append(
        "blurb: "
        + (
            "none"
            if b is None
            else f"[{b.start}-{b.end}] self-contained={b.self_contained} {list(b.problems)}"
        )
    )
    lines.append(
        f"focus: {a.focus.self_clauses} clauses about the writer, "
        f"{a.focus.reader_clauses} about the reader"
    )
    lines.append("metrics: " + ", ".join(f"{k}={v}" for k, v in a.metrics.items()))
    return "\n".join(lines)
