"""The one-way pipeline: read -> analyse -> rules -> score, for one draft or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from intro_lint.analyse import pipeline as nlp_mod
from intro_lint.analyse.analysis import Analysis, analysable_text, analyse
from intro_lint.analyse.judge.store import Model, load_model
from intro_lint.check.catalogue import RuleSpec, load_catalogue
from intro_lint.check.engine import run
from intro_lint.check.kinds.guarded import PatternTimeout
from intro_lint.check.signals import NO_SIGNALS, Signals
from intro_lint.errors import ConfigError, InputError, IntroLintError, RuleFileError
from intro_lint.model import Finding, LocatedFinding, Message, Report
from intro_lint.positions import LineIndex
from intro_lint.score import grade, score, subscores
from intro_lint.settings.fields import Settings
from intro_lint.settings.layers import enabled_rules, unknown_rule_ids


@dataclass
class Linter:
    """Holds the loaded rules and pipeline; lint as many drafts as you like with it."""

    settings: Settings
    rules: dict[str, RuleSpec] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = load_catalogue(self.settings.rule_dirs)
        chosen = enabled_rules(self.settings, set(self.rules))
        self.active = [r for r in self.rules.values() if r.id in chosen]
        learned = [r for r in self.active if r.decision is not None]
        self.model = load_model(self.settings.model) if learned else None
        for rule in learned:
            check_head(rule, self.model)

    @property
    def nlp(self):
        return nlp_mod.load(self.settings.pipeline)

    def analyse_many(self, messages: Iterable[Message]) -> Iterator[Analysis]:
        """One pass of nlp.pipe over the drafts, in input order."""
        batch = list(messages)
        docs = nlp_mod.parse_many(self.nlp, (analysable_text(m) for m in batch))
        for message, doc in zip(batch, docs, strict=True):
            yield self.analyse(message, doc)

    def analyse(self, message: Message, doc) -> Analysis:
        """The Analysis of a draft already parsed, judged by this Linter's model if it has one."""
        return analyse(message, doc, self.model)

    def findings(self, analysis: Analysis, signals: Signals = NO_SIGNALS) -> list[Finding]:
        """The active rules' findings; `signals`: what a batch knows about the draft (grade's)."""
        return run(analysis, self.active, self.settings.severity, signals)

    def report(self, analysis: Analysis, signals: Signals = NO_SIGNALS) -> Report:
        found = self.findings(analysis, signals)
        weights = self.settings.weights
        return build_report(analysis.message, found, self.rules, weights, analysis.metrics)

    def lint(self, items: Iterable[Message | IntroLintError]) -> list[Report]:
        """Reports in input order; an item that failed to read becomes an error report."""
        items = list(items)
        good = [m for m in items if isinstance(m, Message)]
        analyses = zip(good, self.analyse_many(good), strict=True)
        by_id = {id(m): self._guarded_report(a) for m, a in analyses}
        return [by_id[id(x)] if isinstance(x, Message) else error_report(x) for x in items]

    def _guarded_report(self, analysis: Analysis) -> Report:
        """The draft's report; a rule pattern that ran out of time on it is this draft's error."""
        try:
            return self.report(analysis)
        except PatternTimeout as exc:
            return error_report(InputError(analysis.message.path, str(exc)))


def check_head(rule: RuleSpec, model: Model) -> None:
    """A rule's decision must name a head the model has."""
    head, heads = rule.decision.head, model.message.heads
    if head not in heads:
        raise RuleFileError(
            f"{rule.path}: rule {rule.id}: field decision.head: {head!r} is not a head of the "
            f"model in {model.path} (heads: {', '.join(heads)})"
        )
    if rule.decision.threshold == "tuned" and head not in model.thresholds:
        raise RuleFileError(
            f"{rule.path}: rule {rule.id}: field decision.threshold: the model in {model.path} "
            f"has no tuned threshold for {head!r}; give a number"
        )


def locate(text: str, findings: list[Finding]) -> tuple[LocatedFinding, ...]:
    index = LineIndex(text)
    out = []
    for f in findings:
        line, col = index.line_col(f.start)
        out.append(LocatedFinding(**f.model_dump(), line=line, column=col))
    return tuple(out)


def build_report(message: Message, found: list[Finding], rules, weights, metrics) -> Report:
    value = score(found, rules, weights)
    return Report(
        path=message.path,
        score=value,
        grade=grade(value),
        subscores=subscores(found, rules, weights, metrics),
        metrics=metrics,
        findings=locate(message.text, found),
    )


def error_report(exc: IntroLintError) -> Report:
    path = getattr(exc, "path", "?")
    problem = getattr(exc, "problem", str(exc))
    return Report(path=path, score=0, grade="-", subscores={}, metrics={}, error=problem)


def linter_for(settings: Settings) -> Linter:
    """The rules and pipeline the settings ask for; a rule id the catalogue lacks is a config error.

    Loaded once per process for equal settings: the CLI, the guard, the editor's buffers and every
    grading worker get their Linter here.
    """
    return _loaded(settings.model_dump_json())


def linters_loaded():
    """How many Linters this process has built (functools cache statistics)."""
    return _loaded.cache_info()


@lru_cache(maxsize=8)
def _loaded(settings_json: str) -> Linter:
    settings = Settings.model_validate_json(settings_json)
    rules = load_catalogue(settings.rule_dirs)
    known = set(rules) | {alias for rule in rules.values() for alias in rule.aliases}
    unknown = unknown_rule_ids(settings, known)
    if unknown:
        raise ConfigError(f"unknown rule id {unknown[0]!r} (known: {', '.join(sorted(rules))})")
    return Linter(settings, rules)
