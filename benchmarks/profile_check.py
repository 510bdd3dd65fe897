"""Where does a `intro-lint check` process spend its time, next to bare spaCy? A report.

    python benchmarks/profile_check.py [-n 600] [--seed 0] [DIR_OR_FILES...]

Three views of one check process over the same drafts (default: 600 generated ones):
1. `-X importtime`: import time by top-level package (self-reported by CPython; adds a little
   overhead).
2. cProfile (`python -m cProfile -m intro_lint check ...`), cumulative time per phase: imports,
   settings, rule catalogue, reading, pipeline load, nlp.pipe (and the intro_lint_boundaries
   component inside it), analysis (detectors + textstat), rules, report building, JSON rendering.
   The bare baseline (`spacy.load` + `list(nlp.pipe(texts, batch_size=32))`) is profiled the same
   way and shown beside it. cProfile inflates pure-Python code more than spaCy's compiled parts, so
   read the shares, not the absolute seconds. Phases nest (imports happen inside other phases; the
   boundaries component runs inside nlp.pipe), so the column does not add up to the total.
3. The top functions of the check process by own time.
"""

from __future__ import annotations

import argparse
import pstats
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# (label, file suffix, function name); matched against cProfile's (filename, lineno, funcname) keys.
PHASES = [
    ("whole process (profiled)", None, None),
    ("imports, all (nested in phases)", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("settings (config files)", "intro_lint/apps/cli/common.py", "settings_for"),
    ("rule catalogue (TOML + pydantic)", "intro_lint/linter.py", "_loaded"),
    ("read drafts", "intro_lint/read/message.py", "read_many"),
    ("read drafts (bare: read_text)", "pathlib.py", "read_text"),
    ("pipeline load (spacy.load)", "spacy/__init__.py", "load"),
    ("nlp.pipe (parse)", "spacy/language.py", "pipe"),
    ("  of which intro_lint_boundaries", "intro_lint/analyse/boundaries.py", "mark_boundaries"),
    ("analysis (detectors + textstat)", "intro_lint/analyse/analysis.py", "analyse"),
    ("  of which textstat metrics", "intro_lint/analyse/metrics.py", "metrics"),
    ("rules (engine.run)", "intro_lint/check/engine.py", "run"),
    ("report build (score, locate)", "intro_lint/linter.py", "build_report"),
    ("render JSON", "intro_lint/report/__init__.py", "render"),
    ("write output (click.echo)", "click/utils.py", "echo"),
]

BARE_SCRIPT = """\
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
docs = list(nlp.pipe(texts, batch_size=32))
print(len(docs))
"""

_IMPORT_ROW = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)")


def import_times(cmd: list[str]) -> dict[str, float]:
    """Seconds of import time by root package, for imports made at nesting level 0."""
    proc = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    by_root: dict[str, float] = defaultdict(float)
    for line in proc.stderr.splitlines():
        m = _IMPORT_ROW.match(line)
        if m and not m.group(3):
            by_root[m.group(4).split(".")[0]] += int(m.group(2)) / 1e6
    return dict(by_root)


def phase_times(stats: pstats.Stats) -> dict[str, float]:
    out: dict[str, float] = {}
    raw = stats.stats  # type: ignore[attr-defined]
    for label, suffix, func in PHASES:
        if suffix is None:
            out[label] = stats.total_tt  # type: ignore[attr-defined]
            continue
        total = 0.0
        for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in raw.items():
            if name == func and filename.replace("\\", "/").endswith(suffix):
                total += ct
        out[label] = total
    return out


def cprofile(argv: list[str], prof_path: Path) -> pstats.Stats:
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(prof_path), *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return pstats.Stats(str(prof_path))


def report(paths: list[str], name: str, pipeline: str | None = None) -> None:
    """Print the three views for one check process and one bare process over `paths`."""
    opts = [
        "--format",
        "json",
        "--fail-on",
        "never",
        *(["--pipeline", pipeline] if pipeline else []),
    ]
    check_args = ["check", *opts, *paths]
    with tempfile.TemporaryDirectory(prefix="intro-lint-prof-") as tmp:
        imp_check = import_times(
            [sys.executable, "-X", "importtime", "-m", "intro_lint", *check_args]
        )
        imp_bare = import_times(
            [sys.executable, "-X", "importtime", "-c", BARE_SCRIPT, name, *paths]
        )
        print(f"\n  -X importtime, level-0 imports by package (s), {len(paths)} drafts")
        print(f"  {'package':<34} {'check':>8} {'bare':>8}")
        roots = sorted(
            set(imp_check) | set(imp_bare),
            key=lambda r: -max(imp_check.get(r, 0), imp_bare.get(r, 0)),
        )
        shown = [r for r in roots if max(imp_check.get(r, 0), imp_bare.get(r, 0)) >= 0.005]
        for root in shown:
            print(f"  {root:<34} {imp_check.get(root, 0):8.3f} {imp_bare.get(root, 0):8.3f}")
        rest_c = sum(v for r, v in imp_check.items() if r not in shown)
        rest_b = sum(v for r, v in imp_bare.items() if r not in shown)
        print(f"  {'(others)':<34} {rest_c:8.3f} {rest_b:8.3f}")
        print(
            f"  {'total import time':<34} {sum(imp_check.values()):8.3f}"
            f" {sum(imp_bare.values()):8.3f}"
        )

        check_stats = cprofile(["-m", "intro_lint", *check_args], Path(tmp) / "check.prof")
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_SCRIPT, encoding="utf-8")
        bare_stats = cprofile([str(bare_script), name, *paths], Path(tmp) / "bare.prof")
        pc, pb = phase_times(check_stats), phase_times(bare_stats)
        total_c = pc["whole process (profiled)"]
        print("\n  cProfile, cumulative time per phase (s); share of the check process")
        print(f"  {'phase':<34} {'check':>8} {'share':>6} {'bare':>8}")
        for label, _s, _f in PHASES:
            c, b = pc[label], pb[label]
            if c == 0 and b == 0:
                continue
            print(f"  {label:<34} {c:8.2f} {100 * c / total_c:5.0f}% {b:8.2f}")

        print("\n  check process: top 12 functions by own time")
        raw = check_stats.stats  # type: ignore[attr-defined]
        top = sorted(raw.items(), key=lambda kv: -kv[1][2])[:12]
        for (filename, line, func), (_cc, nc, tt, ct, _callers) in top:
            where = filename.split("site-packages/")[-1].split("/work/main/")[-1]
            print(f"  {tt:7.2f} s own {ct:7.2f} s cum {nc:>9} calls  {where}:{line}({func})")


def main(argv: list[str] | None = None) -> int:
    import make_drafts

    import intro_lint.analyse.pipeline

    ap = argparse.ArgumentParser(
        description="Profile one intro-lint check process next to bare spaCy."
    )
    ap.add_argument(
        "inputs", nargs="*", help="draft files or a folder of .txt drafts (default: generate)"
    )
    ap.add_argument(
        "-n", type=int, default=600, help="drafts to generate when no inputs are given [600]"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pipeline")
    args = ap.parse_args(argv)
    name = intro_lint.analyse.pipeline.pipeline_name(args.pipeline)
    with tempfile.TemporaryDirectory(prefix="intro-lint-prof-drafts-") as tmp:
        if not args.inputs:
            paths = [str(p) for p in make_drafts.generate(Path(tmp), args.n, args.seed)]
        else:
            paths = []
            for item in args.inputs:
                p = Path(item)
                paths += sorted(str(x) for x in p.glob("*.txt")) if p.is_dir() else [str(p)]
        print(f"profiling {len(paths)} drafts, pipeline {name}")
        report(paths, name, args.pipeline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
