"""The README's sample outputs, generated from what the commands really print.

    .venv/bin/python scripts/readme_samples.py          # exit 1 and a diff if the README is stale
    .venv/bin/python scripts/readme_samples.py --write  # rewrite the samples in place

A sample sits between `<!-- sample NAME -->` and `<!-- /sample -->`; SAMPLES says which command
makes it and which part of its output is shown. tests/test_readme_samples.py runs the check.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DRAFT = "examples/jeff-becky.txt"
BLOCK = re.compile(r"(<!-- sample (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /sample -->)", re.S)


def run(*args: str) -> tuple[str, int]:
    """Stdout and exit status of `python -m intro_lint ARGS` in the repository root."""
    env = {**os.environ, "NO_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "intro_lint", *args],
        cwd=ROOT,
        capture_output=True,
        env=env,
        check=False,
    )
    return out.stdout.decode("utf-8"), out.returncode


def first_finding_text() -> str:
    """The first finding of the text output, its evidence and fixes, then the summary line."""
    out, status = run("check", DRAFT)
    lines = out.splitlines()
    end = next(i for i, line in enumerate(lines[1:], 1) if not line.startswith("    "))
    shown = [f"$ intro-lint check {DRAFT}", *lines[:end], "...", lines[-1], "$ echo $?"]
    return fence("\n".join(shown) + f"\n{status}", "console")


def first_finding_json() -> str:
    """The first finding of the JSON output, without its fixes."""
    out, _ = run("check", "--format", "json", DRAFT)
    finding = dict(json.loads(out)["reports"][0]["findings"][0])
    finding.pop("fixes")
    return fence(json.dumps(finding, indent=2, ensure_ascii=False), "json")


def fence(text: str, lang: str) -> str:
    """TEXT in a fenced code block."""
    return f"```{lang}\n{text}\n```\n"


SAMPLES: dict[str, Callable[[], str]] = {
    "check-text": first_finding_text,
    "check-json": first_finding_json,
}


def regenerate(readme: str) -> str:
    """README with every sample block replaced by the real output; unknown names are errors."""

    def one(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in SAMPLES:
            raise SystemExit(f"README.md: unknown sample {name!r} (known: {', '.join(SAMPLES)})")
        return m.group(1) + SAMPLES[name]() + m.group(4)

    return BLOCK.sub(one, readme)


def main(argv: list[str]) -> int:
    """Check (default) or --write the README's samples."""
    old = README.read_text(encoding="utf-8")
    new = regenerate(old)
    if "--write" in argv:
        README.write_text(new, encoding="utf-8")
        return 0
    diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True), "README.md", "real")
    sys.stdout.writelines(diff)
    return int(old != new)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
