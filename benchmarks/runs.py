"""What the whole-process benchmarks share: which intro-lint to run, checks that a run worked."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def intro_lint_cmd() -> list[str]:
    """The `intro-lint` script beside this interpreter, else `python -m intro_lint`."""
    script = Path(sys.executable).parent / "intro-lint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "intro_lint"]


def pipeline_name(requested: str | None) -> str:
    import intro_lint.analyse.pipeline  # cheap: spaCy is imported lazily

    return intro_lint.analyse.pipeline.pipeline_name(requested)


def reports_problem(out_path: Path, n: int, rc: int, output: str) -> str | None:
    """What is wrong with a run that should have written one JSON report per draft, or None."""
    if rc != 0:
        return f"exit code {rc}: {output.strip()[-300:]}"
    try:
        data = json.loads(out_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"output is not JSON: {exc}"
    reports = data.get("reports", []) if isinstance(data, dict) else data
    if len(reports) != n:
        return f"{len(reports)} reports for {n} drafts"
    errors = [r for r in reports if isinstance(r, dict) and r.get("error")]
    if errors:
        return (
            f"{len(errors)} drafts failed, e.g. {errors[0].get('path')}: {errors[0].get('error')}"
        )
    return None


def bare_problem(output: str, n: int, rc: int) -> str | None:
    """What is wrong with a bare-spaCy run (it must print how many docs it parsed), or None."""
    if rc != 0:
        return f"exit code {rc}: {output.strip()[-300:]}"
    if output.split()[:1] != [str(n)]:
        return f"unexpected output {output.strip()[:100]!r}"
    return None
