"""Per-rule precision, recall and kappa of findings vs labels; the table `intro-lint eval` shows."""

from __future__ import annotations

from dataclasses import dataclass

from intro_lint.report.agreement import auc, kappa


def render_scores(scores, good, records, found, show_errors: bool, score_auc=None) -> str:
    lines = [f"{'rule':22} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>5} {'rec':>5} {'kappa':>5}"]
    for s in scores:
        lines.append(
            f"{s.rule:22} {s.tp:3} {s.fp:3} {s.fn:3} "
            f"{s.precision:5.2f} {s.recall:5.2f} {s.kappa:5.2f}"
        )
        if show_errors:
            for rec in records:
                gold, got = (
                    bool(rec["labels"].get(s.rule)),
                    s.rule in found.get(str(rec["id"]), set()),
                )
                if gold != got:
                    lines.append(f"    {'FN' if gold else 'FP'} {rec['id']}: {rec['text'][:80]!r}")
    flagged, clean, total = good
    lines.append(
        f"good messages with any finding: {flagged}/{total} ({clean} of them carry no label)"
    )
    if score_auc is not None:
        lines.append(f"score AUC (a good message scores above a bad one): {score_auc:.3f}")
    return "\n".join(lines)


@dataclass(frozen=True)
class RuleScore:
    rule: str
    tp: int
    fp: int
    fn: int
    n: int  # messages scored

    @property
    def kappa(self) -> float:
        return kappa(self.tp, self.fp, self.fn, self.n)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score_rules(
    records: list[dict], found: dict[str, set[str]], rules: list[str]
) -> list[RuleScore]:
    out = []
    for rule in rules:
        tp = fp = fn = 0
        for rec in records:
            gold, got = bool(rec["labels"].get(rule)), rule in found.get(str(rec["id"]), set())
            tp += gold and got
            fp += (not gold) and got
            fn += gold and not got
        out.append(RuleScore(rule, tp, fp, fn, len(records)))
    return out


def flagged_good(records: list[dict], found: dict[str, set[str]]) -> tuple[int, int, int]:
    """(good messages with a finding, of those how many carry no label, number of good messages)."""
    good = [r for r in records if r.get("verdict") == "good"]
    flagged = [r for r in good if found.get(str(r["id"]))]
    clean = [r for r in flagged if not any(r["labels"].values())]
    return len(flagged), len(clean), len(good)


def score_auc(records: list[dict], scores: dict[str, int]) -> float | None:
    """AUC of the 0-100 score: good messages should score above bad ones."""
    by = {
        v: [scores[str(r["id"])] for r in records if r.get("verdict") == v] for v in ("good", "bad")
    }
    return auc(by["good"], by["bad"])
