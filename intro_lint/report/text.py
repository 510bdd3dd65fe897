"""Human-readable findings: `path:line:col: severity rule-id message`, fixes, then a summary."""

from __future__ import annotations

import click

from intro_lint.model import Report
from intro_lint.report.renderer import Reports, Rules, Texts

COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _finding(report: Report, f, color: bool) -> list[str]:
    sev = click.style(f.severity, fg=COLORS[f.severity]) if color else f.severity
    rule = click.style(f.rule, bold=True) if color else f.rule
    lines = [f"{report.path}:{f.line}:{f.column}: {sev} {rule} {f.message}"]
    lines += [f"    evidence: {e}" for e in f.evidence]
    lines += [f"    fix ({fix.safety}): {fix.title}" for fix in f.fixes]
    return lines


def _summary(report: Report) -> str:
    subs = ", ".join(f"{k} {v}" for k, v in report.subscores.items())
    count = len(report.findings)
    noun = "finding" if count == 1 else "findings"
    return (
        f"{report.path}: score {report.score}/100 (grade {report.grade}), {count} {noun} [{subs}]"
    )


def render(reports: Reports, rules: Rules, texts: Texts = None, color: bool = False) -> str:
    """Each finding with its evidence and fixes, then one summary line per draft."""
    out: list[str] = []
    for report in reports:
        if report.error:
            continue  # errors go to stderr, from the command line
        for f in report.findings:
            out += _finding(report, f, color)
        out.append(_summary(report))
        out.append("")
    return "\n".join(out).rstrip("\n") + ("\n" if out else "")
