"""Hover over a flagged span: the rule's why, the evidence it fired on, and the fix titles."""

from __future__ import annotations

import re

from lsprotocol import types

from intro_lint.apps.lsp.drafts import Result
from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Finding

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def hover(result: Result, position: types.Position) -> types.Hover | None:
    """Markdown for every finding under the cursor, narrowest span first; None off the findings."""
    offset = result.positions.offset(position)
    hits = sorted(
        (f for f in result.findings if f.start <= offset <= f.end), key=lambda f: f.end - f.start
    )
    if not hits:
        return None
    value = "\n\n---\n\n".join(section(f, result.rules.get(f.rule)) for f in hits)
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=value)
    return types.Hover(contents=content, range=result.positions.range(hits[0].start, hits[0].end))


def section(finding: Finding, spec: RuleSpec | None) -> str:
    parts = [f"**{finding.rule}** ({finding.severity}): {escape(finding.message)}"]
    if spec is not None:
        parts.append(escape(" ".join(spec.why.split())))
    if finding.evidence:
        parts.append(
            "**Why it fired**\n\n" + "\n".join(f"- {escape(line)}" for line in finding.evidence)
        )
    if finding.fixes:
        fixes = "\n".join(f"- {escape(fix.title)} *({fix.safety})*" for fix in finding.fixes)
        parts.append("**Fixes**\n\n" + fixes)
    parts.append(f"More: `intro-lint explain {finding.rule}`")
    return "\n\n".join(parts)


def escape(text: str) -> str:
    """The draft's own words shown literally, not as Markdown."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)
