"""HTML class report: self-contained, escaped, highlights on the right text, every section there.

`build_class_report` makes a realistic report by linting the example drafts (plus a hostile draft,
two template copies and an unreadable one); test_html_browser.py loads it from this file.
"""

from __future__ import annotations

import re
import statistics
from html.parser import HTMLParser
from pathlib import Path

import pytest

from intro_lint.apps.grade.html import render
from intro_lint.apps.grade.near_copies import find_groups, membership
from intro_lint.apps.grade.values import (
    ClassReport,
    ClassSummary,
    DraftRow,
    DuplicateGroup,
    RuleStat,
)
from intro_lint.model import LocatedFinding, Report

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

HOSTILE_ID = "hostile <b>&amp; id</b>.txt"
HOSTILE = """Dear friends & colleagues,

I'm reaching out to my whole network because AT&T let me go.
If you know of anyone who is hiring <script>alert("pwned")</script> at R&D labs, or any companies \
I should be looking at, please let me know.
My site: https://example.org/me?a=1&b=2 </div></pre></mark>

Thanks,
Chris
"""

TEMPLATE = """Hi {name},

I hope you are doing well. I'm reaching out because I saw that you work at {company}, and I am
looking for my next role in product management after eight years building logistics software.
Would you be open to a call next week? I'd love to hear about any openings you know of.

Thanks so much,
Sam
"""

STUDENTS = [
    "Ana Lima",
    "Ben O'Neil",
    "Chen Wei",
    "Dara <Admin>",
    "Eli Cohen",
    "Fatima Noor",
    "Gus Ortiz",
    "Hana Sato",
    "Ivan Petrov",
    "Jo Kim",
    "Kai Berg",
    "Lea Roux",
    "Mo Salah",
    "Nia Long",
    "Omar Haddad",
    "Pia Lund",
    "Quinn Ray",
]


def _read_examples():
    from intro_lint.read.message import read_path

    paths = sorted(
        p
        for p in EXAMPLES.iterdir()
        if p.suffix in (".txt", ".md", ".eml") and p.name != "README.md"
    )
    return [(p.name, read_path(str(p))) for p in paths]


def build_class_report(linter, labelled: bool = True, baseline: bool = True):
    """(ClassReport, texts, rules): the examples, a hostile draft, a template pair, an error row."""
    from intro_lint.read.message import read_text

    items = _read_examples()
    items.append((HOSTILE_ID, read_text(HOSTILE, HOSTILE_ID)))
    items.append(
        (
            "blast-priya.txt",
            read_text(TEMPLATE.format(name="Priya", company="Stripe"), "blast-priya.txt"),
        )
    )
    items.append(
        (
            "blast-marcus.txt",
            read_text(TEMPLATE.format(name="Marcus", company="Acme Robotics"), "blast-marcus.txt"),
        )
    )
    reports = linter.lint([m for _, m in items])
    texts = {draft_id: m.text for draft_id, m in items}
    groups = find_groups(texts)
    group_of = membership(groups)

    rows = []
    for n, ((draft_id, _), rep) in enumerate(zip(items, reports, strict=True)):
        base = max(0, min(100, rep.score - (n % 3) * 7 + 5)) if baseline and n % 4 != 3 else None
        rows.append(
            DraftRow(
                id=draft_id,
                student=STUDENTS[n % len(STUDENTS)],
                score=rep.score,
                grade=rep.grade,
                rules=tuple(dict.fromkeys(f.rule for f in rep.findings)),
                duplicate_group=group_of.get(draft_id),
                baseline_score=base,
                change=None if base is None else rep.score - base,
            )
        )
    error_id = "unreadable.eml"
    rows.append(DraftRow(id=error_id, student="Zoe Error", error="file is empty"))
    reports.append(
        Report(path=error_id, score=0, grade="-", subscores={}, metrics={}, error="file is empty")
    )

    graded = [r for r in rows if r.score is not None]
    scores = [r.score for r in graded]
    hist = [0] * 10
    for s in scores:
        hist[min(s // 10, 9)] += 1
    stats = []
    for i, rule in enumerate(sorted(linter.rules)):
        fired = sum(rule in r.rules for r in graded)
        if labelled:
            tp, fp, fn = max(fired - i % 3, 0), min(i % 3, fired), (i + 1) % 3
            stats.append(
                RuleStat(
                    rule=rule,
                    fired=fired,
                    tp=tp,
                    fp=fp,
                    fn=fn,
                    precision=tp / (tp + fp) if tp + fp else None,
                    recall=tp / (tp + fn) if tp + fn else None,
                )
            )
        else:
            stats.append(RuleStat(rule=rule, fired=fired))
    grades: dict[str, int] = {}
    for r in graded:
        grades[r.grade] = grades.get(r.grade, 0) + 1
    summary = ClassSummary(
        drafts=len(rows),
        graded=len(graded),
        errors=len(rows) - len(graded),
        mean_score=statistics.mean(scores),
        median_score=statistics.median(scores),
        grades=grades,
        histogram=tuple(hist),
        rules=tuple(stats),
        labelled=labelled,
    )
    report = ClassReport(
        reports=tuple(reports), drafts=tuple(rows), summary=summary, duplicates=tuple(groups)
    )
    return report, texts, dict(linter.rules)


@pytest.fixture(scope="module")
def built(linter):
    return build_class_report(linter)


@pytest.fixture(scope="module")
def page(built):
    report, texts, rules = built
    return render(report, texts, rules)


# ----- an HTML reader for the tests -------------------------------------------------------------

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Tree(HTMLParser):
    """Checks nesting and records, per draft text block, each character with its mark rules."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.blocks: dict[
            str, list[tuple[str, frozenset[str]]]
        ] = {}  # article id -> [(char, rules)]
        self._article: str | None = None
        self._in_text = 0  # depth of the draft-text div, 0 outside
        self._marks: list[frozenset[str]] = []
        self._sup = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "article":
            self._article = a.get("id")
        if self._in_text:
            self._in_text += 1
            if tag == "mark":
                self._marks.append(
                    frozenset(
                        c.removeprefix("rule-")
                        for c in a.get("class", "").split()
                        if c.startswith("rule-")
                    )
                )
            if tag == "sup":
                self._sup += 1
        elif tag == "div" and "draft-text" in a.get("class", "").split() and self._article:
            self._in_text = 1
            self.blocks[self._article] = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()
        if self._in_text:
            if tag == "mark":
                self._marks.pop()
            if tag == "sup":
                self._sup -= 1
            self._in_text -= 1

    def handle_data(self, data):
        if self._in_text and not self._sup and self._article:
            rules = frozenset().union(*self._marks) if self._marks else frozenset()
            self.blocks[self._article].extend((c, rules) for c in data)


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    return tree


def article_of(report: ClassReport, draft_id: str) -> str:
    return f"draft-{[r.id for r in report.drafts].index(draft_id) + 1}"


# ----- tests --------------------------------------------------------------------------------------


def test_well_formed_with_every_section_and_anchor(built, page):
    report, _, _ = built
    tree = parse(page)
    assert tree.errors == [] and tree.stack == []
    for section in (
        "summary",
        "distribution",
        "anti-patterns",
        "calibration",
        "duplicates",
        "ranking",
        "drafts",
    ):
        assert section in tree.ids, section
    for n in range(1, len(report.drafts) + 1):
        assert f"draft-{n}" in tree.ids
    assert len(tree.ids) == len(set(tree.ids)), "ids must be unique"
    # every in-page link lands somewhere
    for href in tree.hrefs:
        assert href.startswith("#"), href
        assert href[1:] in tree.ids, href
    assert '<svg class="chart histogram"' in page and '<svg class="chart hbars"' in page
    assert page.startswith("<!DOCTYPE html>")


def test_self_contained_no_script_no_network(built, page):
    _, texts, _ = built
    lower = page.lower()
    assert "<script" not in lower
    assert "<link" not in lower and "@import" not in lower and "url(" not in lower
    assert not re.search(r"\ssrc\s*=", lower)
    assert "default-src 'none'" in page  # CSP: nothing may be fetched or run
    urls = re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'<]*", page)
    from_drafts = " ".join(texts.values())
    for url in urls:
        plain = url.replace("&amp;", "&")
        assert plain in from_drafts, f"{url} does not come from a draft"
    assert "xmlns" not in page


def test_draft_text_is_escaped(built, page):
    report, _, _ = built
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in page
    assert "AT&amp;T" in page
    assert "friends &amp; colleagues" in page
    assert "&lt;/div&gt;&lt;/pre&gt;&lt;/mark&gt;" in page
    # ids and student names from the input are escaped too
    assert "hostile &lt;b&gt;&amp;amp; id&lt;/b&gt;.txt" in page
    assert "Dara &lt;Admin&gt;" in page
    assert "<b>&amp; id</b>" not in page
    tree = parse(page)
    assert all(tag != "b" for tag, _ in tree.tags)


def test_highlights_cover_exactly_the_flagged_text(built, page):
    report, texts, _ = built
    tree = parse(page)
    checked = 0
    for row, rep in zip(report.drafts, report.reports, strict=True):
        if row.error:
            continue
        text = texts[row.id]
        chars = tree.blocks[article_of(report, row.id)]
        assert "".join(c for c, _ in chars) == text, (
            f"{row.id}: the shown text differs from the draft"
        )
        wanted: list[set[str]] = [set() for _ in text]
        for f in rep.findings:
            for k in range(f.start, f.end):
                wanted[k].add(f.rule)
        for k, (c, rules) in enumerate(chars):
            assert (
                set(rules) == {r.replace("_", "-") for r in wanted[k]} or set(rules) == wanted[k]
            ), f"{row.id} at {k} {c!r}: marked {sorted(rules)}, flagged {sorted(wanted[k])}"
        checked += bool(rep.findings)
    assert checked >= 5


def test_hostile_draft_highlight_wraps_escaped_text(built, page):
    report, texts, _ = built
    rep = report.reports[[r.id for r in report.drafts].index(HOSTILE_ID)]
    assert rep.findings, "the hostile draft should trip at least one rule"
    marks = re.findall(r'<mark class="hl ([^"]*)"[^>]*>(.*?)</mark>', page, re.S)
    assert any("&amp;" in body or "&lt;script&gt;" in body for _, body in marks)


def test_findings_show_message_why_evidence_and_fixes(built, page):
    report, _, rules = built
    rep = next(r for r in report.reports if any(f.evidence for f in r.findings))
    f = next(f for f in rep.findings if f.evidence)
    from html import escape

    assert escape(f.message) in page
    assert escape(" ".join(rules[f.rule].why.split())) in page
    assert escape(f.evidence[0]) in page
    for fix in f.fixes:
        assert escape(fix.title) in page
    assert (
        'class="finding c' in page
        and f'id="{article_of(report, rep.path.split("/")[-1])}-f1"' in page
    )


def test_ranking_is_by_score_with_error_rows_last(built, page):
    report, _, _ = built
    table = page[
        page.index('<table class="ranking"') : page.index(
            "</table>", page.index('<table class="ranking"')
        )
    ]
    ids = re.findall(r'<td class="id"><a href="#(draft-\d+)">', table)
    order = [int(i.split("-")[1]) - 1 for i in ids]
    scores = [report.drafts[i].score for i in order]
    graded = [s for s in scores if s is not None]
    assert graded == sorted(graded, reverse=True)
    assert scores[-1] is None and report.drafts[order[-1]].error
    assert "file is empty" in table
    assert "▲" in table or "▼" in table  # change vs baseline column
    error_article = page[page.index(f'id="{article_of(report, "unreadable.eml")}"') :]
    assert "Could not be graded" in error_article[:2000]


def test_duplicate_groups_list_the_template_copies(built, page):
    report, _, _ = built
    assert report.duplicates, "the two template copies should be grouped"
    group = next(g for g in report.duplicates if "blast-priya.txt" in g.ids)
    assert "blast-marcus.txt" in group.ids
    section = page[page.index('id="duplicates"') : page.index('id="ranking"')]
    assert f'id="template-{group.group}"' in section
    assert "blast-priya.txt" in section and "blast-marcus.txt" in section
    assert (
        page.count(f'href="#template-{group.group}"') >= 4
    )  # from the ranking and the draft sections


def test_calibration_and_change_only_when_present(linter):
    report, texts, rules = build_class_report(linter, labelled=False, baseline=False)
    page = render(report, texts, rules)
    assert 'id="calibration"' not in page
    assert "▲" not in page and "▼" not in page and ">change<" not in page
    labelled, texts, rules = build_class_report(linter)
    page = render(labelled, texts, rules)
    section = page[
        page.index('id="calibration"') : page.index("</table>", page.index('id="calibration"'))
    ]
    assert "precision" in section and "recall" in section
    assert section.count("<tr>") == len(labelled.summary.rules) + 1


def _finding(rule, start, end, text):
    return LocatedFinding(
        rule=rule,
        severity="warning",
        message=f"{rule} message",
        start=start,
        end=end,
        line=1,
        column=start + 1,
    )


def test_overlapping_zero_length_and_out_of_range_spans():
    text = "Hello <world> & friends, this is a draft."
    findings = (
        _finding("alpha", 0, 12, text),
        _finding("beta", 6, 22, text),
        _finding("gamma", 30, 30, text),
        _finding("delta", 35, 500, text),
    )
    rep = Report(path="x", score=50, grade="F", subscores={}, metrics={}, findings=findings)
    row = DraftRow(id="x", score=50, grade="F", rules=("alpha", "beta", "gamma", "delta"))
    summary = ClassSummary(
        drafts=1,
        graded=1,
        errors=0,
        mean_score=50,
        median_score=50,
        histogram=(0, 0, 0, 0, 0, 1, 0, 0, 0, 0),
        rules=tuple(RuleStat(rule=r, fired=1) for r in row.rules),
    )
    page = render(ClassReport(reports=(rep,), drafts=(row,), summary=summary), {"x": text}, {})
    tree = parse(page)
    assert tree.errors == []
    chars = tree.blocks["draft-1"]
    assert "".join(c for c, _ in chars) == text
    assert (
        chars[0][1] == {"alpha"} and chars[6][1] == {"alpha", "beta"} and chars[15][1] == {"beta"}
    )
    assert chars[25][1] == frozenset() and chars[40][1] == {"delta"}
    assert 'href="#draft-1-f3"' in page  # the zero-length finding still gets its numbered marker
    assert "&lt;world&gt; &amp;" in page


def test_empty_class_and_missing_text_and_many_rules():
    summary = ClassSummary(drafts=0, graded=0, errors=0, mean_score=None, median_score=None)
    page = render(ClassReport(summary=summary), {}, {})
    assert "No draft was graded" in page and parse(page).errors == []

    rules = tuple(f"rule-{i:02d}" for i in range(14))
    findings = tuple(_finding(r, i, i + 1, "") for i, r in enumerate(rules))
    rep = Report(path="y", score=5, grade="F", subscores={}, metrics={}, findings=findings)
    row = DraftRow(id="y", score=5, grade="F", rules=rules, duplicate_group=None)
    summary = ClassSummary(
        drafts=1,
        graded=1,
        errors=0,
        mean_score=5,
        median_score=5,
        histogram=(1,) + (0,) * 9,
        rules=tuple(RuleStat(rule=r, fired=1) for r in rules),
    )
    page = render(ClassReport(reports=(rep,), drafts=(row,), summary=summary), {}, {})
    assert "draft text not available" in page
    colours = re.findall(r"--r\d+:(#[0-9a-f]{6});", page)
    assert len(colours) == 14 and len(set(colours)) == 14


def test_duplicate_group_for_unknown_id_does_not_crash():
    summary = ClassSummary(drafts=0, graded=0, errors=0, mean_score=None, median_score=None)
    report = ClassReport(
        summary=summary, duplicates=(DuplicateGroup(group=1, ids=("a", "b"), similarity=0.9),)
    )
    assert "Template 1" in render(report, {}, {})
