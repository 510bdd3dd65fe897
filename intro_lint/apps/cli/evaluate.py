"""`intro-lint eval`: per-rule precision, recall and kappa of the findings on a labelled corpus."""

from __future__ import annotations

from pathlib import Path

import click

from intro_lint.apps.cli.common import settings_for
from intro_lint.apps.commandline import fail
from intro_lint.errors import EXIT_FINDINGS, EXIT_OK, IntroLintError
from intro_lint.linter import linter_for
from intro_lint.read.corpus import read_corpus, to_message
from intro_lint.report.evaluation import flagged_good, render_scores, score_auc, score_rules


@click.command("eval")
@click.argument("corpus")
@click.option("--min-precision", type=float, default=0.0)
@click.option("--min-recall", type=float, default=0.0)
@click.option("--min-kappa", type=float, default=None, help="fail below this Cohen's kappa")
@click.option("--max-good-flagged", type=float, default=None, help="fraction of good messages")
@click.option("--min-auc", type=float, default=None, help="fail below this score AUC")
@click.option("--show-errors", is_flag=True)
def eval_cmd(corpus, min_precision, min_recall, min_kappa, max_good_flagged, min_auc, show_errors):
    """Per-rule precision/recall/kappa and the score's AUC against a labelled JSONL corpus."""
    try:
        settings, _ = settings_for({}, Path.cwd())
        linter = linter_for(settings)
        records = read_corpus(corpus)
        reports = linter.lint([to_message(r) for r in records])
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    found = {Path(r.path).stem: {f.rule for f in r.findings} for r in reports}
    scores = score_rules(records, found, [r.id for r in linter.active])
    good = flagged_good(records, found)
    area = score_auc(records, {Path(r.path).stem: r.score for r in reports})
    click.echo(render_scores(scores, good, records, found, show_errors, area))
    ok = all(s.precision >= min_precision and s.recall >= min_recall for s in scores)
    ok &= min_kappa is None or all(s.kappa >= min_kappa for s in scores)
    ok &= max_good_flagged is None or good[0] <= max_good_flagged * good[2]
    ok &= min_auc is None or (area is not None and area >= min_auc)
    raise click.exceptions.Exit(EXIT_OK if ok else EXIT_FINDINGS)
