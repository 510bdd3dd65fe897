"""`intro-lint eval`: per-rule precision and recall of the findings on a labelled corpus."""

from __future__ import annotations

from pathlib import Path

import click

from intro_lint.apps.cli.common import settings_for
from intro_lint.apps.commandline import fail
from intro_lint.errors import EXIT_FINDINGS, EXIT_OK, IntroLintError
from intro_lint.linter import linter_for
from intro_lint.read.corpus import read_corpus, to_message
from intro_lint.report.evaluation import flagged_good, render_scores, score_rules


@click.command("eval")
@click.argument("corpus")
@click.option("--min-precision", type=float, default=0.0)
@click.option("--min-recall", type=float, default=0.0)
@click.option("--show-errors", is_flag=True)
def eval_cmd(corpus, min_precision, min_recall, show_errors):
    """Per-rule precision/recall against a labelled JSONL corpus."""
    try:
        settings, _ = settings_for({}, Path.cwd())
        linter = linter_for(settings)
        records = read_corpus(corpus)
        reports = linter.lint([to_message(r) for r in records])
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    found = {Path(r.path).stem: {f.rule for f in r.findings} for r in reports}
    scores = score_rules(records, found, [r.id for r in linter.active])
    click.echo(render_scores(scores, flagged_good(records, found), records, found, show_errors))
    ok = all(s.precision >= min_precision and s.recall >= min_recall for s in scores)
    raise click.exceptions.Exit(EXIT_OK if ok else EXIT_FINDINGS)
