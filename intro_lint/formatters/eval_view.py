"""Render corpus evaluation scores as a table."""

from __future__ import annotations


def render_scores(scores, good, records, found, show_errors: bool) -> str:
    lines = [f"{'rule':22} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>5} {'rec':>5}"]
    for s in scores:
        lines.append(f"{s.rule:22} {s.tp:3} {s.fp:3} {s.fn:3} {s.precision:5.2f} {s.recall:5.2f}")
        if show_errors:
            for rec in records:
                gold, got = bool(rec["labels"].get(s.rule)), s.rule in found.get(str(rec["id"]), set())
                if gold != got:
                    lines.append(f"    {'FN' if gold else 'FP'} {rec['id']}: {rec['text'][:80]!r}")
    flagged, clean, total = good
    lines.append(f"good messages with any finding: {flagged}/{total} ({clean} of them carry no label)")
    return "\n".join(lines)
