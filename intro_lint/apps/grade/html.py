"""The class report as ONE self-contained HTML file: inline CSS and SVG, no script, no network."""

# Everything that comes from a draft or an input file (text, ids, student names, error messages,
# evidence) is HTML-escaped; a Content-Security-Policy meta tag forbids scripts and any fetch, so a
# report opened from disk or mail stays inert even if something slipped through.

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from intro_lint.apps.grade.svg import Bar, hbars, histogram
from intro_lint.apps.grade.values import ClassReport, DraftRow
from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import LocatedFinding, Report

# distinct, print-safe colours (Tableau 10, slightly deepened); more rules get golden-angle hues
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#a5a51c",
    "#6b6b6b",
)
GRADE_COLOURS = {"A": "#2e8b57", "B": "#6aa84f", "C": "#d4a017", "D": "#e07b24", "F": "#c8453b"}
HIST_LABELS = (
    "0–9",
    "10–19",
    "20–29",
    "30–39",
    "40–49",
    "50–59",
    "60–69",
    "70–79",
    "80–89",
    "90–100",
)
HIST_GRADES = ("F", "F", "F", "F", "F", "F", "D", "C", "B", "A")
EXCERPT = 160


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _oneline(text: str) -> str:
    return " ".join(text.split())


def _slug(rule: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", rule)


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@dataclass(frozen=True)
class RuleStyle:
    rule: str
    index: int
    colour: str  # #rrggbb

    @property
    def var(self) -> str:
        return f"var(--r{self.index})"

    @property
    def tint(self) -> str:
        return f"var(--r{self.index}t)"

    @property
    def cls(self) -> str:  # sets --c (the colour) and --t (its tint) on an element
        return f"c{self.index}"

    def css(self) -> str:
        r, g, b = _hex_to_rgb(self.colour)
        return f"--r{self.index}:{self.colour};--r{self.index}t:rgba({r},{g},{b},.16);"

    def css_class(self) -> str:
        return f".c{self.index}{{--c:var(--r{self.index});--t:var(--r{self.index}t)}}"


def _colours(rule_ids: Iterable[str]) -> dict[str, RuleStyle]:
    """One stable colour per rule (alphabetical order, so two reports agree)."""
    styles = {}
    for i, rule in enumerate(sorted(set(rule_ids))):
        if i < len(PALETTE):
            colour = PALETTE[i]
        else:
            r, g, b = colorsys.hls_to_rgb(((i - len(PALETTE)) * 0.618034) % 1.0, 0.42, 0.62)
            colour = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
        styles[rule] = RuleStyle(rule, i, colour)
    return styles


def _fmt_num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(value))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Renderer:
    def __init__(
        self, report: ClassReport, texts: Mapping[str, str], rules: Mapping[str, RuleSpec]
    ) -> None:
        self.report = report
        self.texts = texts
        self.rules = rules
        self.summary = report.summary
        self.rows = list(report.drafts)
        reports = list(report.reports)
        self.reports: list[Report | None] = [
            reports[i] if i < len(reports) else None for i in range(len(self.rows))
        ]
        fired = {f.rule for r in reports for f in r.findings}
        self.styles = _colours(
            [
                *rules,
                *(s.rule for s in self.summary.rules),
                *fired,
                *(rule for row in self.rows for rule in row.rules),
            ]
        )
        self.order = self._ranking()
        self.rank = self._ranks()
        self.anchor = {i: f"draft-{i + 1}" for i in range(len(self.rows))}
        self.index_of = {row.id: i for i, row in enumerate(self.rows)}
        self.groups = {g.group: g for g in report.duplicates}
        self.has_change = any(
            r.change is not None or r.baseline_score is not None for r in self.rows
        )
        self.has_student = any(r.student for r in self.rows)

    # ----- ordering -------------------------------------------------------------------------------
    def _ranking(self) -> list[int]:
        """Best score first; ties and error rows keep input order, error rows last."""
        return sorted(
            range(len(self.rows)),
            key=lambda i: (self.rows[i].score is None, -(self.rows[i].score or 0), i),
        )

    def _ranks(self) -> dict[int, int | None]:
        ranks: dict[int, int | None] = {}
        last_score, last_rank = None, 0
        for position, i in enumerate(self.order, start=1):
            score = self.rows[i].score
            if score is None:
                ranks[i] = None
                continue
            if score != last_score:
                last_score, last_rank = score, position
            ranks[i] = last_rank
        return ranks

    # ----- small pieces ---------------------------------------------------------------------------
    def chip(self, rule: str) -> str:
        style = self.styles.get(rule)
        colour = f" {style.cls}" if style else ""
        spec = self.rules.get(rule)
        title = f' title="{_e(spec.message)}"' if spec else ""
        return f'<span class="chip{colour} rule-{_slug(rule)}"{title}><i></i>{_e(rule)}</span>'

    def grade_badge(self, grade: str | None) -> str:
        if not grade:
            return '<span class="grade none">—</span>'
        known = f" g{grade}" if grade in GRADE_COLOURS else ""
        return f'<span class="grade{known}">{_e(grade)}</span>'

    def change(self, row: DraftRow) -> str:
        if row.change is None:
            return '<span class="delta none" title="no baseline for this draft">—</span>'
        if row.change > 0:
            return (
                f'<span class="delta up" title="baseline {_e(row.baseline_score)}">'
                f"▲ +{row.change}</span>"
            )
        if row.change < 0:
            return (
                f'<span class="delta down" title="baseline {_e(row.baseline_score)}">'
                f"▼ −{-row.change}</span>"
            )
        return f'<span class="delta same" title="baseline {_e(row.baseline_score)}">±0</span>'

    def draft_link(self, i: int) -> str:
        row = self.rows[i]
        return f'<a href="#{self.anchor[i]}">{_e(row.id)}</a>'

    # ----- sections -------------------------------------------------------------------------------
    def header(self) -> str:
        s = self.summary
        cards = [
            ("drafts", str(s.drafts), ""),
            ("graded", str(s.graded), ""),
            ("errors", str(s.errors), "bad" if s.errors else ""),
            ("mean score", _fmt_num(s.mean_score), ""),
            ("median score", _fmt_num(s.median_score), ""),
        ]
        card_html = "".join(
            f'<div class="card {cls}"><div class="value">{_e(value)}</div>'
            f'<div class="name">{_e(name)}</div></div>'
            for name, value, cls in cards
        )
        grades = ""
        if s.grades:
            order = sorted(s.grades, key=lambda g: ("ABCDEF".find(g) if g in "ABCDEF" else 99, g))
            grades = (
                '<div class="grades">'
                + "".join(
                    f'<span class="grade-count">{self.grade_badge(g)} × {_e(s.grades[g])}</span>'
                    for g in order
                )
                + "</div>"
            )
        dup = sum(len(g.ids) for g in self.report.duplicates)
        lines = [f"{_plural(s.drafts, 'draft')}, {s.graded} graded"]
        if s.errors:
            lines.append(f"{_plural(s.errors, 'draft')} could not be graded")
        if self.report.duplicates:
            lines.append(
                f"{dup} drafts in {_plural(len(self.report.duplicates), 'shared template')}"
            )
        return (
            '<header class="top" id="summary">'
            '<p class="kicker">intro-lint · class report</p>'
            "<h1>Workshop grading report</h1>"
            f'<p class="lede">{_e(" · ".join(lines))}</p>'
            f'<div class="cards">{card_html}</div>{grades}'
            "</header>"
        )

    def nav(self) -> str:
        links = [
            ("summary", "Summary"),
            ("distribution", "Scores"),
            ("anti-patterns", "Anti-patterns"),
        ]
        if self.summary.labelled:
            links.append(("calibration", "Calibration"))
        if self.report.duplicates:
            links.append(("duplicates", "Shared templates"))
        links += [("ranking", "Ranking"), ("drafts", "Drafts")]
        items = "".join(f'<a href="#{a}">{_e(t)}</a>' for a, t in links)
        return f'<nav class="toc" aria-label="Contents">{items}</nav>'

    def distribution(self) -> str:
        counts = list(self.summary.histogram) or [0] * 10
        counts = (counts + [0] * 10)[:10] if len(counts) != 10 else counts
        colours = [GRADE_COLOURS[g] for g in HIST_GRADES]
        chart = histogram(counts, HIST_LABELS, colours, "Score distribution: drafts per score band")
        legend = "".join(
            f'<span class="legend-item"><i style="background:{GRADE_COLOURS[g]}"></i>'
            f"{g} {rng}</span>"
            for g, rng in (
                ("F", "0–59"),
                ("D", "60–69"),
                ("C", "70–79"),
                ("B", "80–89"),
                ("A", "90–100"),
            )
        )
        empty = "" if any(counts) else '<p class="muted">No draft was graded.</p>'
        return (
            '<section class="panel" id="distribution"><h2>Score distribution</h2>'
            f'<figure>{chart}<figcaption class="legend">{legend}</figcaption></figure>'
            f"{empty}</section>"
        )

    def anti_patterns(self) -> str:
        stats = sorted(self.summary.rules, key=lambda s: (-s.fired, s.rule))
        graded = self.summary.graded
        bars = []
        for stat in stats:
            style = self.styles.get(stat.rule)
            share = f" · {round(100 * stat.fired / graded)}%" if graded else ""
            spec = self.rules.get(stat.rule)
            tip = f"{stat.rule}: {spec.message if spec else ''} — {_plural(stat.fired, 'draft')}"
            bars.append(
                Bar(
                    stat.rule,
                    stat.fired,
                    style.colour if style else "#888",
                    f"{_plural(stat.fired, 'draft')}{share}",
                    tip,
                )
            )
        if not bars:
            body = '<p class="muted">No rule statistics.</p>'
        else:
            body = (
                "<figure>"
                + hbars(
                    bars,
                    graded,
                    "How often each anti-pattern appears (drafts with at least one finding)",
                )
                + "</figure>"
            )
        return (
            '<section class="panel" id="anti-patterns"><h2>How often each anti-pattern appears</h2>'
            '<p class="muted">Drafts with at least one finding of the rule, '
            f"out of {graded} graded.</p>"
            f"{body}</section>"
        )

    def rule_key(self) -> str:
        """What each rule's colour stands for: the rules that fired first, then the rest."""
        fired = {s.rule: s.fired for s in self.summary.rules}
        ids = sorted(self.styles, key=lambda r: (-fired.get(r, 0), r))
        if not ids:
            return ""
        items = "".join(
            f"<li>{self.chip(r)}"
            f"<span>{_e(self.rules[r].message) if r in self.rules else ''}</span></li>"
            for r in ids
        )
        return (
            '<section class="panel key" id="rules"><h2>The rules</h2>'
            f'<ul class="rule-key">{items}</ul></section>'
        )

    def calibration(self) -> str:
        if not self.summary.labelled:
            return ""
        rows = []
        for stat in sorted(self.summary.rules, key=lambda s: s.rule):
            rows.append(
                "<tr>"
                f"<td>{self.chip(stat.rule)}</td>"
                f'<td class="num">{stat.fired}</td>'
                f'<td class="num">{_fmt_num(stat.tp, 0)}</td>'
                f'<td class="num">{_fmt_num(stat.fp, 0)}</td>'
                f'<td class="num">{_fmt_num(stat.fn, 0)}</td>'
                f"<td>{self.meter(stat.precision)}</td>"
                f"<td>{self.meter(stat.recall)}</td>"
                "</tr>"
            )
        return (
            '<section id="calibration"><h2>Calibration against your labels</h2>'
            '<p class="muted">Where the input carries labels: how often each rule agrees with '
            "them. Low precision means the rule flags drafts you did not; low recall means it "
            "misses drafts you labelled.</p>"
            '<div class="table-wrap"><table class="calibration"><thead><tr><th>rule</th>'
            '<th class="num">fired</th>'
            '<th class="num">TP</th><th class="num">FP</th><th class="num">FN</th>'
            "<th>precision</th><th>recall</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div></section>"
        )

    @staticmethod
    def meter(value: float | None) -> str:
        if value is None:
            return '<span class="muted">—</span>'
        level = "good" if value >= 0.8 else "ok" if value >= 0.5 else "poor"
        width = max(0.0, min(1.0, value)) * 100
        return (
            f'<span class="meter {level}"><span class="meter-track">'
            f'<span style="width:{width:.0f}%"></span></span>'
            f"{_pct(value)}</span>"
        )

    def duplicates(self) -> str:
        if not self.report.duplicates:
            return ""
        blocks = []
        for group in self.report.duplicates:
            members = []
            for draft_id in group.ids:
                i = self.index_of.get(draft_id)
                if i is None:
                    members.append(f"<li>{_e(draft_id)}</li>")
                    continue
                row = self.rows[i]
                student = f' <span class="muted">{_e(row.student)}</span>' if row.student else ""
                score = (
                    f' <span class="score-small">{row.score}</span>'
                    if row.score is not None
                    else ""
                )
                members.append(f"<li>{self.draft_link(i)}{student}{score}</li>")
            blocks.append(
                f'<div class="dup-group" id="template-{group.group}">'
                f"<h3>Template {group.group}</h3>"
                f'<p class="dup-meta">{_plural(len(group.ids), "draft")} · '
                f"at least {_pct(group.similarity)} alike</p>"
                f'<ul class="dup-members">{"".join(members)}</ul></div>'
            )
        return (
            '<section id="duplicates"><h2>Shared templates</h2>'
            '<p class="muted">Near-copies of one another: the same text sent to different readers '
            "with the names swapped. Each is a form letter, whatever its score.</p>"
            f'<div class="dup-grid">{"".join(blocks)}</div></section>'
        )

    def ranking(self) -> str:
        head = ['<th class="num">rank</th>', "<th>draft</th>"]
        if self.has_student:
            head.append("<th>student</th>")
        head += ['<th class="score-col">score</th>', "<th>grade</th>"]
        if self.has_change:
            head.append('<th class="num">change</th>')
        head.append("<th>rules</th>")
        body = []
        for i in self.order:
            row = self.rows[i]
            rank = self.rank[i]
            cells = [
                f'<td class="num">{rank if rank is not None else "—"}</td>',
                f'<td class="id">{self.draft_link(i)}',
            ]
            if row.duplicate_group is not None:
                cells[-1] += (
                    f' <a class="tag dup" href="#template-{row.duplicate_group}" '
                    'title="shares a template with other drafts">'
                    f"template {row.duplicate_group}</a>"
                )
            cells[-1] += "</td>"
            if self.has_student:
                cells.append(f"<td>{_e(row.student or '')}</td>")
            if row.score is None:
                cells.append('<td class="score-col"><span class="tag err">error</span></td>')
            else:
                cells.append(
                    '<td class="score-col"><span class="scorebar">'
                    f'<span style="width:{max(0, min(100, row.score))}%;'
                    f'background:{GRADE_COLOURS.get(row.grade or "", "#888")}"></span></span>'
                    f'<span class="score">{row.score}</span></td>'
                )
            cells.append(f"<td>{self.grade_badge(row.grade)}</td>")
            if self.has_change:
                cells.append(f'<td class="num">{self.change(row)}</td>')
            if row.error:
                cells.append(f'<td class="error-cell">{_e(row.error)}</td>')
            else:
                cells.append(f'<td class="chips">{"".join(self.chip(r) for r in row.rules)}</td>')
            body.append(f'<tr class="{"error-row" if row.error else ""}">{"".join(cells)}</tr>')
        return (
            '<section id="ranking"><h2>Drafts ranked by score</h2>'
            '<div class="table-wrap"><table class="ranking">'
            f"<thead><tr>{''.join(head)}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div></section>"
        )

    def drafts(self) -> str:
        sections = [self.draft(i) for i in self.order]
        return f'<section id="drafts"><h2>Drafts</h2>{"".join(sections)}</section>'

    def draft(self, i: int) -> str:
        row, rep = self.rows[i], self.reports[i]
        anchor = self.anchor[i]
        rank = self.rank[i]
        meta = []
        if row.student:
            meta.append(f'<span class="student">{_e(row.student)}</span>')
        if row.score is not None:
            meta.append(f'<span class="score-big">{row.score}</span>{self.grade_badge(row.grade)}')
        if self.has_change and row.change is not None:
            meta.append(self.change(row))
        if row.duplicate_group is not None:
            group = self.groups.get(row.duplicate_group)
            others = len(group.ids) - 1 if group else 0
            shared = f" · shared with {_plural(others, 'other draft')}" if others else ""
            meta.append(
                f'<a class="tag dup" href="#template-{row.duplicate_group}">'
                f"template {row.duplicate_group}{shared}</a>"
            )
        rank_html = f'<span class="rank">#{rank}</span>' if rank is not None else ""
        head = (
            f'<div class="draft-head"><h3>{rank_html}'
            f'<span class="draft-id">{_e(row.id)}</span></h3>'
            f'<div class="draft-meta">{"".join(meta)}</div></div>'
        )
        error = row.error or (rep.error if rep else None)
        if error:
            body = f'<div class="error-box"><strong>Could not be graded.</strong> {_e(error)}</div>'
            text = self.texts.get(row.id)
            if text:
                body += f'<div class="draft-text">{_e(text)}</div>'
            return f'<article class="draft error" id="{anchor}">{head}{body}{self.back()}</article>'
        findings = list(rep.findings) if rep else []
        text = self.texts.get(row.id)
        if text is None:
            text_html = '<p class="muted">(draft text not available)</p>'
        else:
            text_html = f'<div class="draft-text">{self.highlight(text, findings, anchor)}</div>'
        body = f'<div class="draft-body">{text_html}{self.subscores(rep)}</div>'
        if findings:
            seen: dict[tuple[int, int], int] = {}
            items = []
            for n, f in enumerate(findings, start=1):
                items.append(self.finding(f, n, anchor, text, same_as=seen.get((f.start, f.end))))
                seen.setdefault((f.start, f.end), n)
            notes = f'<ol class="findings">{"".join(items)}</ol>'
        else:
            notes = '<p class="clean">No anti-pattern found. Nice work.</p>'
        return f'<article class="draft" id="{anchor}">{head}{body}{notes}{self.back()}</article>'

    @staticmethod
    def subscores(rep: Report | None) -> str:
        if not rep or not rep.subscores:
            return ""
        rows = []
        for name, value in rep.subscores.items():
            level = "good" if value >= 80 else "ok" if value >= 60 else "poor"
            width = max(0, min(100, value))
            rows.append(
                f'<li class="{level}"><span class="sub-name">{_e(name)}</span>'
                f'<span class="meter-track"><span style="width:{width}%"></span></span>'
                f'<span class="sub-value">{_e(value)}</span></li>'
            )
        return f'<aside class="subscores"><h4>Subscores</h4><ul>{"".join(rows)}</ul></aside>'

    @staticmethod
    def back() -> str:
        return '<p class="back"><a href="#ranking">↑ back to the ranking</a></p>'

    def highlight(self, text: str, findings: Sequence[LocatedFinding], anchor: str) -> str:
        """The draft, escaped, with one <mark> per run of text covered by the same findings."""
        n = len(text)
        spans = [(max(0, min(f.start, n)), max(0, min(max(f.end, f.start), n))) for f in findings]
        cuts = sorted({0, n, *(s for s, _ in spans), *(e for _, e in spans)})
        ends: dict[int, list[int]] = {}  # where each finding's numbered marker goes
        for k, (start, end) in enumerate(spans):
            # a blank span (a missing paragraph) is marked where it starts, after the text before it
            ends.setdefault(end if text[start:end].strip() else start, []).append(k)
        out = [self.refs(ends.get(0, []), findings, anchor)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if a == b:
                continue
            covering = [k for k, (s, e) in enumerate(spans) if s <= a and e >= b and s < e]
            chunk = _e(text[a:b])
            if covering:
                out.append(self.mark(chunk, covering, findings, spans))
            else:
                out.append(chunk)
            out.append(self.refs(ends.get(b, []), findings, anchor))
        return "".join(out)

    def mark(
        self, chunk: str, covering: list[int], findings: Sequence[LocatedFinding], spans
    ) -> str:
        # the shortest covering span gives the fill; every distinct rule adds an underline stripe
        rules: list[str] = []
        for k in sorted(covering, key=lambda k: (spans[k][1] - spans[k][0], k)):
            if findings[k].rule not in rules:
                rules.append(findings[k].rule)
        first = self.styles.get(rules[0])
        stripes = ", ".join(
            f"inset 0 -{2 * (j + 1)}px 0 {self.styles[r].var}"
            for j, r in enumerate(rules[:4])
            if r in self.styles
        )
        style = (f"background:{first.tint};" if first else "") + (
            f"box-shadow:{stripes}" if stripes else ""
        )
        classes = " ".join(f"rule-{_slug(r)}" for r in rules)
        title = "; ".join(f"{r}: {self.rules[r].message}" if r in self.rules else r for r in rules)
        return (
            f'<mark class="hl {classes}" data-rules="{_e(" ".join(rules))}" title="{_e(title)}" '
            f'style="{style}">{chunk}</mark>'
        )

    def refs(self, numbers: list[int], findings, anchor: str) -> str:
        if not numbers:
            return ""
        links = "".join(
            f'<a class="ref {self.styles[findings[k].rule].cls}" href="#{anchor}-f{k + 1}" '
            f'title="{_e(findings[k].rule)}">{k + 1}</a>'
            for k in numbers
        )
        return f'<sup class="refs">{links}</sup>'

    def finding(
        self,
        f: LocatedFinding,
        number: int,
        anchor: str,
        text: str | None,
        same_as: int | None = None,
    ) -> str:
        spec = self.rules.get(f.rule)
        style = self.styles.get(f.rule)
        colour = f" {style.cls}" if style else ""
        quote = ""
        if same_as is not None and f.end > f.start:
            quote = (
                '<p class="excerpt same">Same passage as '
                f'<a href="#{anchor}-f{same_as}">{same_as}</a>.</p>'
            )
        elif text is not None and f.end > f.start:
            snippet = _oneline(text[f.start : f.end])
            if snippet:
                if len(snippet) > EXCERPT:
                    snippet = snippet[: EXCERPT - 1] + "…"
                quote = f'<q class="excerpt">{_e(snippet)}</q>'
        why = f'<p class="why">{_e(_oneline(spec.why))}</p>' if spec and spec.why.strip() else ""
        evidence = ""
        if f.evidence:
            evidence = (
                '<ul class="evidence">' + "".join(f"<li>{_e(x)}</li>" for x in f.evidence) + "</ul>"
            )
        fixes = [(fx.title, fx.safety) for fx in f.fixes] or [
            (fx.title, fx.safety) for fx in (spec.fixes if spec else [])
        ]
        fix_html = ""
        if fixes:
            fix_html = (
                '<div class="fixes"><span class="fix-label">Fix</span>'
                + "".join(
                    f'<span class="fix" title="{_e(safety)}">{_e(title)}</span>'
                    for title, safety in fixes
                )
                + "</div>"
            )
        return (
            f'<li class="finding{colour}" id="{anchor}-f{number}">'
            f'<div class="finding-head"><span class="fnum">{number}</span>{self.chip(f.rule)}'
            f'<span class="sev sev-{_e(f.severity)}">{_e(f.severity)}</span>'
            f'<strong class="fmsg">{_e(f.message)}</strong>'
            f'<span class="loc">line {f.line}, col {f.column}</span></div>'
            f"{quote}{why}{evidence}{fix_html}</li>"
        )

    def css(self) -> str:
        variables = "".join(s.css() for s in self.styles.values())
        classes = "".join(s.css_class() for s in self.styles.values())
        classes += "".join(f".g{g}{{--g:{c}}}" for g, c in GRADE_COLOURS.items())
        return f":root{{{variables}}}\n{classes}\n{CSS}"

    def page(self) -> str:
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            '<meta name="generator" content="intro-lint grade">'
            "<title>Workshop grading report</title>"
            f"<style>{self.css()}</style></head><body>"
            f"{self.nav()}<main>{self.header()}"
            f'<div class="charts">{self.distribution()}{self.anti_patterns()}</div>'
            f"{self.rule_key()}"
            f"{self.calibration()}{self.duplicates()}{self.ranking()}{self.drafts()}"
            "</main><footer>Made by intro-lint grade · one self-contained file: no script, "
            "nothing fetched.</footer>"
            "</body></html>\n"
        )


def render(report: ClassReport, texts: Mapping[str, str], rules: Mapping[str, RuleSpec]) -> str:
    """The report as one HTML page; `texts` maps draft id to the text its offsets point into."""
    return _Renderer(report, texts, rules).page()


CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f6f5f2;color:#1d1d1f;font:15px/1.55 system-ui,-apple-system,"Segoe UI",\
Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1120px;margin:0 auto;padding:8px 28px 40px}
a{color:#1f5fa8;text-decoration:none}a:hover{text-decoration:underline}
h1{font-size:30px;line-height:1.2;margin:2px 0 6px;letter-spacing:-.01em}
h2{font-size:20px;margin:34px 0 10px;padding-bottom:6px;border-bottom:2px solid #e3e0da}
.panel h2{margin-top:0;border:0;padding:0}
h3{font-size:16px;margin:0}
.muted{color:#6b6b70}
.toc{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:4px 18px;\
justify-content:center;padding:9px 16px;background:rgba(29,29,31,.94);font-size:13px}
.toc a{color:#f1f1f1;font-weight:500}
.top{padding:22px 0 6px}
.kicker{margin:0;color:#8a6d3b;font-size:12px;font-weight:600;letter-spacing:.08em;\
text-transform:uppercase}
.lede{margin:0 0 16px;color:#4a4a50;font-size:16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:#fff;border:1px solid #e3e0da;border-radius:10px;padding:12px 16px}
.card .value{font-size:28px;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.card .name{color:#6b6b70;font-size:12px;text-transform:uppercase;letter-spacing:.06em}
.card.bad .value{color:#c8453b}
.grades{display:flex;flex-wrap:wrap;gap:10px;margin-top:12px;font-size:14px;color:#4a4a50}
.grade-count{display:inline-flex;align-items:center;gap:4px}
.charts{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;margin-top:22px}
.panel{background:#fff;border:1px solid #e3e0da;border-radius:10px;padding:16px 18px}
.panel p{margin:0 0 8px;font-size:13px}
figure{margin:0}
.chart{display:block;width:100%;height:auto;font-size:13px}
.chart text{fill:#3c3c43}.chart .tick,.chart .axis-title{fill:#8a8a90;font-size:12px}
.chart .count{font-weight:700;font-size:13px}
.chart .grid{stroke:#eeece8}.chart .axis{stroke:#b9b6b0}.chart .track{fill:#f1efeb}
.chart .note{fill:#6b6b70;font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:#6b6b70;margin-top:6px}
.legend-item i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;\
vertical-align:-1px}
.key{margin-top:16px}
.key h2{font-size:16px;margin-bottom:8px}
.rule-key{list-style:none;margin:0;padding:0;font-size:14px;display:grid;\
grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:6px 28px}
.rule-key li{display:flex;align-items:baseline;gap:6px;color:#4a4a50}
.rule-key .chip{flex:none}
.chip{display:inline-flex;align-items:center;gap:5px;padding:1px 8px 1px 6px;margin:1px 4px 1px 0;\
border-radius:999px;background:var(--t,#eee);color:#1d1d1f;font-size:12px;font-weight:600;\
white-space:nowrap;border:1px solid var(--c,#ccc)}
.chip i{width:8px;height:8px;border-radius:50%;background:var(--c,#999);display:inline-block}
.grade{display:inline-block;min-width:24px;padding:1px 7px;border-radius:6px;\
background:var(--g,#6b6b6b);color:#fff;font-weight:700;text-align:center;font-size:13px}
.grade.none{background:#d7d5d0;color:#555}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #e3e0da;border-radius:10px}
table{width:100%;border-collapse:collapse;font-size:14px}
th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#6b6b70;\
background:#faf9f7;font-weight:600}
th,td{padding:8px 12px;border-bottom:1px solid #efede9;vertical-align:middle}
tbody tr:last-child td{border-bottom:0}
tbody tr:hover{background:#fbfaf7}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.id{font-weight:600;min-width:190px;overflow-wrap:anywhere}
.score-col{white-space:nowrap;width:150px}
.scorebar{display:inline-block;width:84px;height:8px;border-radius:4px;background:#ecebe7;\
margin-right:8px;vertical-align:middle;overflow:hidden}
.scorebar span{display:block;height:100%;border-radius:4px}
.score{font-weight:700;font-variant-numeric:tabular-nums}
.delta{font-weight:700;font-size:13px}.delta.up{color:#2e8b57}.delta.down{color:#c8453b}\
.delta.same,.delta.none{color:#8a8a90}
.tag{display:inline-block;font-size:11px;font-weight:600;padding:1px 7px;border-radius:999px;\
white-space:nowrap}
.tag.dup{background:#fff3d6;color:#7a5300;border:1px solid #e9cf8f}
.tag.err{background:#fde4e1;color:#9d2b20;border:1px solid #f1b3aa}
.error-row td{background:#fff7f5}
.error-cell{color:#9d2b20;font-size:13px}
.calibration td{font-size:14px}
.meter{display:inline-flex;align-items:center;gap:8px;font-variant-numeric:tabular-nums;\
font-weight:600}
.meter-track{display:inline-block;width:70px;height:7px;border-radius:4px;background:#ecebe7;\
overflow:hidden}
.meter-track span{display:block;height:100%}
.meter.good .meter-track span{background:#2e8b57}.meter.ok .meter-track span{background:#d4a017}\
.meter.poor .meter-track span{background:#c8453b}
.dup-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.dup-group{background:#fffdf6;border:1px solid #eedfb5;border-left:4px solid #d4a017;\
border-radius:8px;padding:10px 14px}
.dup-meta{margin:2px 0 0;font-size:13px;color:#6b6b70}
.dup-members{margin:6px 0 0;padding-left:18px;font-size:14px}
.score-small{font-size:12px;color:#6b6b70;font-variant-numeric:tabular-nums}
.draft{background:#fff;border:1px solid #e3e0da;border-radius:10px;padding:18px 22px;\
margin:0 0 18px;scroll-margin-top:48px}
.draft-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px;\
margin-bottom:10px}
.draft-head h3{font-size:17px;display:flex;gap:10px;align-items:baseline;word-break:break-word}
.rank{color:#8a8a90;font-weight:600;font-variant-numeric:tabular-nums}
.draft-meta{display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.student{color:#4a4a50;font-weight:600}
.score-big{font-size:22px;font-weight:800;font-variant-numeric:tabular-nums}
.draft-body{display:grid;grid-template-columns:minmax(0,78ch) minmax(220px,1fr);gap:18px 28px;\
align-items:start}
.draft-text{white-space:pre-wrap;overflow-wrap:anywhere;\
font:16px/1.8 Georgia,"Iowan Old Style","Times New Roman",serif;color:#222;background:#fcfbf9;\
border:1px solid #eeebe5;border-radius:8px;padding:16px 20px}
.subscores h4{margin:2px 0 8px;font-size:12px;text-transform:uppercase;letter-spacing:.06em;\
color:#6b6b70}
.subscores ul{list-style:none;margin:0;padding:0;display:grid;gap:7px}
.subscores li{display:grid;grid-template-columns:minmax(0,1fr) 56px 30px;align-items:center;\
gap:8px;font-size:13px;color:#3c3c43}
.subscores .sub-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.subscores .meter-track{width:56px}
.subscores .sub-value{text-align:right;font-weight:700;font-variant-numeric:tabular-nums}
.subscores .good .meter-track span{background:#2e8b57}\
.subscores .ok .meter-track span{background:#d4a017}\
.subscores .poor .meter-track span{background:#c8453b}
.subscores .poor .sub-value{color:#c8453b}
mark.hl{color:inherit;border-radius:2px;padding:1px 0 3px;-webkit-box-decoration-break:clone;\
box-decoration-break:clone}
sup.refs{line-height:0;margin-left:1px}
.ref{display:inline-block;min-width:15px;height:15px;padding:0 3px;border-radius:8px;\
background:var(--c,#777);color:#fff !important;font:700 10px/15px system-ui,sans-serif;\
text-align:center;margin-left:1px;text-decoration:none !important}
.findings{list-style:none;padding:0;margin:14px 0 0;display:grid;gap:10px}
.finding{border:1px solid #ebe8e2;border-left:4px solid var(--c,#999);border-radius:8px;\
padding:10px 14px;background:#fff;break-inside:avoid}
.finding-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px}
.fnum{display:inline-block;min-width:20px;height:20px;border-radius:10px;background:var(--c,#777);\
color:#fff;font-size:12px;font-weight:700;text-align:center;line-height:20px}
.fmsg{font-size:15px}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.05em;font-weight:700;padding:1px 6px;\
border-radius:4px}
.sev-error{background:#fde4e1;color:#9d2b20}.sev-warning{background:#fff3d6;color:#7a5300}\
.sev-info{background:#e6f0fb;color:#1f5fa8}
.loc{margin-left:auto;font-size:12px;color:#8a8a90;font-variant-numeric:tabular-nums}
.excerpt{display:block;margin:6px 0 0;font:italic 14px/1.5 Georgia,serif;color:#4a4a50}
.excerpt.same{font:13px/1.5 system-ui,sans-serif;color:#8a8a90}
.why{margin:6px 0 0;font-size:14px;color:#3c3c43}
.evidence{margin:6px 0 0;padding-left:18px;font-size:13px;color:#55555a}
.fixes{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:8px}
.fix-label{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;\
color:#2e8b57}
.fix{font-size:13px;background:#eaf5ee;color:#1f5e3a;border-radius:6px;padding:2px 8px}
.clean{color:#2e8b57;font-weight:600;margin:12px 0 0}
.error-box{background:#fde9e6;border:1px solid #f1b3aa;color:#7d2219;border-radius:8px;\
padding:10px 14px;margin-bottom:10px;overflow-wrap:anywhere}
.back{margin:12px 0 0;font-size:13px}
footer{text-align:center;color:#8a8a90;font-size:12px;padding:10px 0 28px}
@media (max-width:900px){.charts,.draft-body{grid-template-columns:minmax(0,1fr)}\
.rule-key{grid-template-columns:minmax(0,1fr)}}
@media (max-width:760px){main{padding:8px 14px 30px}.draft{padding:14px}.loc{margin-left:0}}
@media print{
  body{background:#fff;font-size:11pt}
  .toc,.back{display:none}
  main{max-width:none;padding:0}
  .charts{grid-template-columns:1fr 1fr}
  .draft-body{grid-template-columns:minmax(0,1fr) 200px}
  .subscores li{grid-template-columns:minmax(0,1fr) 40px 26px;gap:6px;font-size:9pt}
  .subscores .meter-track{width:40px}
  @page{margin:14mm 12mm}
  .table-wrap{overflow:visible}
  .panel,.card,.draft,table{border-color:#ccc}
  .draft{break-inside:auto;page-break-before:auto}
  .draft-head,.finding,tr,.dup-group,.card{break-inside:avoid}
  h2{break-after:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{color:inherit}
}
"""
