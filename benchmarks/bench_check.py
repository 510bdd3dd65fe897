"""Whole-process benchmark of `intro-lint check` against bare spaCy. A report, not a test.

    python benchmarks/bench_check.py [-n 600] [--runs 3] [--cold-runs 5] [--quick] [--profile]

Run it with the venv's Python (`.venv/bin/python benchmarks/bench_check.py`): the `intro-lint`
script beside sys.executable is the one measured, and the baseline uses the same interpreter.

(a/b) throughput: `intro-lint check --format json --fail-on never D1.txt ... Dn.txt` versus a bare
      process that loads the same pipeline and runs `list(nlp.pipe(texts, batch_size=32))` over the
      same files; `--runs` runs of each, alternating; medians and ratio check/bare (target <= 1.2).
(c)   cold start: `intro-lint check` of one draft versus
      `python -c "import spacy; spacy.load(NAME)"`; `--cold-runs` runs of each, alternating;
      medians and ratio (target <= 1.3).

Always exits 0; prints "OVER TARGET" for each ratio above its target. With --profile (or whenever
the throughput ratio is over target, unless --no-profile) it also profiles one check process and
one bare process (benchmarks/profile_check.py) to show where the extra time goes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_drafts  # noqa: E402
from runs import bare_problem, intro_lint_cmd, pipeline_name, reports_problem  # noqa: E402

CHECK_TARGET = 1.2
COLD_TARGET = 1.3

# The bare baseline: same interpreter, same pipeline, same files, same batch size; nothing else.
BARE_SCRIPT = """\
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
docs = list(nlp.pipe(texts, batch_size=32))
print(len(docs))
"""
COLD_SCRIPT = "import sys, spacy; spacy.load(sys.argv[1])"
ENV: dict[str, str] | None = None  # None: inherit this process's environment unchanged
RESULTS: dict[str, list[float]] = {}  # label -> wall seconds of each timed run
CPU: dict[str, list[float]] = {}  # label -> CPU seconds (user + sys) of each timed run
_last_cpu = 0.0


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def timed(cmd: list[str], stdout_path: Path | None = None) -> tuple[float, int, str]:
    """Wall time of one whole process; stdout goes to a file (large JSON) or is captured.

    Its CPU time (user + sys, from RUSAGE_CHILDREN) is left in _last_cpu: less sensitive than wall
    time to other work sharing the 2 cores, so it is printed beside it."""
    global _last_cpu
    cpu0 = _children_cpu()
    try:
        return _timed(cmd, stdout_path)
    finally:
        _last_cpu = _children_cpu() - cpu0


def _timed(cmd: list[str], stdout_path: Path | None) -> tuple[float, int, str]:
    if stdout_path is not None:
        with open(stdout_path, "wb") as out:
            t0 = time.perf_counter()
            proc = subprocess.run(
                cmd, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=ENV
            )
            elapsed = time.perf_counter() - t0
        return elapsed, proc.returncode, proc.stderr.decode(errors="replace")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, env=ENV)
    elapsed = time.perf_counter() - t0
    return (
        elapsed,
        proc.returncode,
        proc.stdout.decode(errors="replace") + proc.stderr.decode(errors="replace"),
    )


def alternate(label_cmds: list[tuple[str, list[str], object]], runs: int) -> dict[str, list[float]]:
    """Run each command `runs` times, alternating A B A B ...; validate every run."""
    times: dict[str, list[float]] = {label: [] for label, _, _ in label_cmds}
    for i in range(runs):
        for label, cmd, check in label_cmds:
            elapsed, problem = check(cmd)
            times[label].append(elapsed)
            CPU.setdefault(label, []).append(_last_cpu)
            status = f"  PROBLEM: {problem}" if problem else ""
            print(
                f"  run {i + 1}/{runs}  {label:<24} {elapsed:7.2f} s wall"
                f" {_last_cpu:7.2f} s cpu{status}",
                flush=True,
            )
    return times


def row(label: str, samples: list[float], cpu: list[float], per: int | None = None) -> str:
    med = statistics.median(samples)
    per_draft = f"{1000 * med / per:8.1f}" if per else f"{'':>8}"
    return (
        f"  {label:<34} {len(samples):>4} {med:9.2f} {min(samples):9.2f} {max(samples):9.2f}"
        f" {per_draft} {statistics.median(cpu):9.2f}"
    )


def ratio_line(name: str, num: str, den: str, target: float) -> tuple[str, bool]:
    """Ratio of wall-time medians (judged against the target), with the CPU-time ratio beside it."""
    wall_n, wall_d = statistics.median(RESULTS[num]), statistics.median(RESULTS[den])
    cpu_r = statistics.median(CPU[num]) / statistics.median(CPU[den])
    r = wall_n / wall_d
    over = r > target
    text = (
        f"  {name:<34} {r:6.2f}   target <= {target:.1f}"
        f"   (check - bare = {wall_n - wall_d:+.2f} s; cpu ratio {cpu_r:.2f})"
    )
    return (text + ("   OVER TARGET" if over else "   ok")), over


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Whole-process benchmark of intro-lint check vs bare spaCy."
    )
    ap.add_argument("-n", type=int, default=600, help="number of drafts for (a)/(b) [600]")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each throughput command [3]")
    ap.add_argument(
        "--cold-runs", type=int, default=5, help="timed runs of each cold-start command [5]"
    )
    ap.add_argument("--seed", type=int, default=0, help="draft generator seed [0]")
    ap.add_argument("--dir", help="write the drafts here (kept) instead of a temporary folder")
    ap.add_argument(
        "--pipeline", help="spaCy pipeline package (default: what intro-lint would pick)"
    )
    ap.add_argument(
        "--quick",
        action="store_true",
        help="smoke configuration (~1-2 min): -n 60 --runs 1 --cold-runs 2",
    )
    ap.add_argument("--skip-throughput", action="store_true", help="only the cold-start comparison")
    ap.add_argument("--skip-cold", action="store_true", help="only the throughput comparison")
    ap.add_argument(
        "--pycache-prefix",
        metavar="DIR",
        help="let both sides cache bytecode in DIR (sets PYTHONPYCACHEPREFIX, unsets "
        "PYTHONDONTWRITEBYTECODE): shows start-up without recompiling an editable checkout",
    )
    prof = ap.add_mutually_exclusive_group()
    prof.add_argument(
        "--profile", action="store_true", help="always profile check vs bare afterwards"
    )
    prof.add_argument(
        "--no-profile", action="store_true", help="never profile, even when over target"
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.n, args.runs, args.cold_runs = 60, 1, 2

    global ENV
    if args.pycache_prefix:
        ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        ENV["PYTHONPYCACHEPREFIX"] = str(Path(args.pycache_prefix).resolve())
    name = pipeline_name(args.pipeline)
    lint = intro_lint_cmd()
    tmp = tempfile.TemporaryDirectory(prefix="intro-lint-bench-")
    work = Path(args.dir) if args.dir else Path(tmp.name) / "drafts"
    paths = [str(p) for p in make_drafts.generate(work, args.n, args.seed)]
    out_json = Path(tmp.name) / "check.json"
    one = paths[:1]

    opts = [
        "--format",
        "json",
        "--fail-on",
        "never",
        *(["--pipeline", args.pipeline] if args.pipeline else []),
    ]
    check_cmd = [*lint, "check", *opts, *paths]
    bare_cmd = [sys.executable, "-c", BARE_SCRIPT, name, *paths]
    cold_check_cmd = [*lint, "check", *opts, *one]
    cold_bare_cmd = [sys.executable, "-c", COLD_SCRIPT, name]

    def run_check(cmd, n):
        elapsed, rc, err = timed(cmd, out_json)
        return elapsed, reports_problem(out_json, n, rc, err)

    def run_bare(cmd, n):
        elapsed, rc, out = timed(cmd)
        return elapsed, bare_problem(out, n, rc)

    def run_cold_bare(cmd):
        elapsed, rc, out = timed(cmd)
        return elapsed, (f"exit code {rc}: {out.strip()[-300:]}" if rc else None)

    print(
        f"intro-lint bench: python {sys.version.split()[0]} ({sys.executable}),"
        f" {os.cpu_count()} cores"
    )
    print(
        f"  intro-lint: {' '.join(lint)}   pipeline: {name}"
        f"   drafts: {args.n} (seed {args.seed}) in {work}"
    )
    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
    print(f"  {words} words in all, {words / max(1, len(paths)):.0f} per draft")
    bytecode = (
        ("cached in " + ENV["PYTHONPYCACHEPREFIX"])
        if ENV
        else (
            "not written (PYTHONDONTWRITEBYTECODE set)"
            if os.environ.get("PYTHONDONTWRITEBYTECODE")
            else "default"
        )
    )
    print(f"  bytecode: {bytecode}; load average before: {load_average()}")

    # Warm-up (untimed): page cache for the interpreter, site-packages and model files.
    print("warm-up (untimed): one cold-start pair")
    run_cold_bare(cold_bare_cmd)
    run_check(cold_check_cmd, 1)

    results = RESULTS
    if not args.skip_throughput:
        print(f"(a)/(b) throughput over {args.n} drafts, {args.runs} runs each, alternating")
        results.update(
            alternate(
                [
                    ("check (a)", check_cmd, lambda c: run_check(c, args.n)),
                    ("bare spaCy (b)", bare_cmd, lambda c: run_bare(c, args.n)),
                ],
                args.runs,
            )
        )
    if not args.skip_cold:
        print(f"(c) cold start on one draft, {args.cold_runs} runs each, alternating")
        results.update(
            alternate(
                [
                    ("check, 1 draft (c)", cold_check_cmd, lambda c: run_check(c, 1)),
                    ("import spacy + load (c)", cold_bare_cmd, run_cold_bare),
                ],
                args.cold_runs,
            )
        )

    print()
    print(
        f"  {'wall time (s)':<34} {'runs':>4} {'median':>9} {'min':>9} {'max':>9}"
        f" {'ms/draft':>8} {'cpu med':>9}"
    )
    over_throughput = False
    lines = []
    if "check (a)" in results:
        print(
            row(
                f"(a) intro-lint check, {args.n} drafts",
                results["check (a)"],
                CPU["check (a)"],
                args.n,
            )
        )
        print(
            row(
                f"(b) bare nlp.pipe, {args.n} drafts",
                results["bare spaCy (b)"],
                CPU["bare spaCy (b)"],
                args.n,
            )
        )
        text, over_throughput = ratio_line(
            "throughput ratio check/bare", "check (a)", "bare spaCy (b)", CHECK_TARGET
        )
        lines.append(text)
    if "check, 1 draft (c)" in results:
        print(
            row(
                "(c) intro-lint check, 1 draft",
                results["check, 1 draft (c)"],
                CPU["check, 1 draft (c)"],
            )
        )
        print(
            row(
                "(c) import spacy + spacy.load",
                results["import spacy + load (c)"],
                CPU["import spacy + load (c)"],
            )
        )
        text, _ = ratio_line(
            "cold-start ratio check/bare",
            "check, 1 draft (c)",
            "import spacy + load (c)",
            COLD_TARGET,
        )
        lines.append(text)
    print()
    print(f"  {'ratio':<34} {'value':>6}")
    for line in lines:
        print(line)
    print(
        f"  targets: throughput check/bare <= {CHECK_TARGET},"
        f" cold start check/bare <= {COLD_TARGET}"
    )
    print(
        f"  load average after: {load_average()} on {os.cpu_count()} cores (these runs add ~1.0 "
        f"themselves; more means other work shared the cores: expect 10-20% noise)"
    )

    if args.profile or (over_throughput and not args.no_profile):
        import profile_check

        print()
        print("profile: one check process and one bare process over the same drafts")
        profile_check.report(paths, name, args.pipeline)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
