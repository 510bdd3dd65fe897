"""Code actions: each fix of a finding, "ignore this rule here", "fix all safe" (source.fixAll)."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from intro_lint.apps.lsp.convert import diagnostic
from intro_lint.apps.lsp.drafts import Result
from intro_lint.check.fixes.apply import chosen_edits, non_overlapping
from intro_lint.model import Edit, Finding, Fix

QUICKFIX = types.CodeActionKind.QuickFix
FIX_ALL = types.CodeActionKind.SourceFixAll


def code_actions(result: Result, params: types.CodeActionParams) -> list[types.CodeAction]:
    """The actions for the findings touching the requested range, then fix-all if asked for."""
    only = params.context.only
    actions: list[types.CodeAction] = []
    if wanted(QUICKFIX, only):
        for finding in touching(result, params.range):
            actions.extend(fix_actions(result, finding))
        actions.extend(ignore_actions(result, touching(result, params.range)))
    if wanted(FIX_ALL, only):
        actions.extend(fix_all(result))
    return actions


def wanted(kind: str, only: list[str] | None) -> bool:
    """Kinds are hierarchical: asking for "source" includes "source.fixAll"."""
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)


def touching(result: Result, span: types.Range) -> list[Finding]:
    start, end = result.positions.offset(span.start), result.positions.offset(span.end)
    return [f for f in result.findings if f.start <= end and start <= f.end]


def fix_actions(result: Result, finding: Finding) -> list[types.CodeAction]:
    """One quick fix per fix with edits; safe ones preferred, unsafe ones labelled as such."""
    diag = _diagnostic(result, finding)
    return [
        types.CodeAction(
            title=fix.title
            if fix.safety == "safe"
            else f"{fix.title} (unsafe: review before sending)",
            kind=QUICKFIX,
            diagnostics=[diag],
            is_preferred=fix.safety == "safe" or None,
            edit=workspace_edit(result, fix.edits),
        )
        for fix in finding.fixes
        if fix.edits and fix.safety in ("safe", "unsafe")
    ]


def ignore_actions(result: Result, findings: Iterable[Finding]) -> list[types.CodeAction]:
    """`<!-- intro-lint: ignore[RULE] -->` on its own line at the top of the body, once per rule."""
    actions, seen = [], set()
    for finding in findings:
        if finding.rule in seen or result.ignore_at is None:
            continue
        seen.add(finding.rule)
        edit = Edit(
            start=result.ignore_at,
            end=result.ignore_at,
            text=f"<!-- intro-lint: ignore[{finding.rule}] -->\n",
        )
        actions.append(
            types.CodeAction(
                title=f"Ignore {finding.rule} in this draft",
                kind=QUICKFIX,
                diagnostics=[_diagnostic(result, finding)],
                edit=workspace_edit(result, [edit]),
            )
        )
    return actions


def fix_all(result: Result) -> list[types.CodeAction]:
    """Every finding's first safe fix in one edit; nothing when there is none."""
    edits = non_overlapping(chosen_edits([f.fixes for f in result.findings], "safe"))
    if not edits:
        return []
    fixed = [f for f in result.findings if any(_is_safe(x) for x in f.fixes)]
    return [
        types.CodeAction(
            title="Fix all safe intro-lint problems",
            kind=FIX_ALL,
            diagnostics=[_diagnostic(result, f) for f in fixed],
            edit=workspace_edit(result, edits),
        )
    ]


def workspace_edit(result: Result, edits: Iterable[Edit]) -> types.WorkspaceEdit:
    positions = result.positions
    text_edits = [
        types.TextEdit(range=positions.range(e.start, e.end), new_text=e.text) for e in edits
    ]
    return types.WorkspaceEdit(changes={result.snapshot.uri: text_edits})


def _is_safe(fix: Fix) -> bool:
    return fix.safety == "safe" and bool(fix.edits)


def _diagnostic(result: Result, finding: Finding) -> types.Diagnostic:
    return diagnostic(
        finding, result.rules.get(finding.rule), result.positions, result.snapshot.uri
    )
