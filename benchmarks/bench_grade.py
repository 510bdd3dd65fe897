"""Whole-process benchmark of `intro-lint grade` (workshop grading). A report, not a test.

    python benchmarks/bench_grade.py [-n 1200] [--runs 3] [--rss-n 10000] [--quick] [--dask]

Run it with the venv's Python (`.venv/bin/python benchmarks/bench_grade.py`): the `intro-lint`
script beside sys.executable is the one measured, and the baseline uses the same interpreter.

(a) throughput: `intro-lint grade DIR --out x.json --jobs 2 --no-cache` versus a bare single process
    that loads the same pipeline and runs `list(nlp.pipe(texts, batch_size=32))` over the same
    files; `--runs` runs of each, alternating; speed-up bare/grade (target >= 1.5).
(b) re-grade: the same grade with the cache on, first into an empty cache, then again unchanged
    (cache warm: finished reports are reused); `--runs` rounds; speed-up first/re-grade (target
    >= 5). Each round also re-grades with a changed rubric (`--ignore vague-ask`), which reuses the
    parsed docs but must analyse and score every draft again (b'; reported, no target).
(c) peak memory of one `grade --jobs 2 --no-cache` over `--rss-n` drafts (default 10,000): the
    largest single process (wait4's ru_maxrss) and the peak sum over the process tree (RSS, and
    PSS, which counts pages shared between the workers once), sampled every 0.2 s with psutil when
    installed.

Every grade run is validated (exit code 0, JSON with one report per draft, none with an error) and
every baseline run must print the draft count, so a broken run shows `PROBLEM: ...` instead of a
fast time. The cache lives in a temporary XDG_CACHE_HOME, never the user's. Always exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_drafts  # noqa: E402
from runs import bare_problem, intro_lint_cmd, pipeline_name, reports_problem  # noqa: E402

THROUGHPUT_TARGET = 1.5  # bare / grade --jobs 2: at least this much faster
REGRADE_TARGET = 5.0  # first grade / unchanged re-grade: at least this much faster
SAMPLE_EVERY = 0.2  # seconds between memory samples of the process tree
RUBRIC_CHANGE = (
    "vague-ask"  # (b'): the re-grade ignores this rule, so no finished report can be reused
)

# The bare baseline: same interpreter, same pipeline, same files, same batch size; nothing else.
BARE_SCRIPT = """\
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("draft-*.txt"))]
docs = list(nlp.pipe(texts, batch_size=32))
print(len(docs))
"""


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + sys of the process and the children it waited for
    rc: int
    maxrss_mb: float  # largest single process in the tree (wait4's ru_maxrss)
    tree_rss_mb: float | None = None  # peak of the summed RSS over the tree (psutil samples)
    tree_pss_mb: float | None = None  # same with PSS: shared pages counted once
    output: str = ""  # stdout + stderr tail, for validation


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    def median(self, attr: str = "wall") -> float:
        return statistics.median(getattr(r, attr) for r in self.runs)


def grade_cmd() -> list[str]:
    """The `intro-lint grade` command line."""
    return [*intro_lint_cmd(), "grade"]


class TreeSampler(threading.Thread):
    """Polls a process and its descendants; keeps the peak of their summed RSS (and PSS)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.peak_rss = 0
        self.peak_pss: int | None = 0

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            rss = pss = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                try:
                    if self.peak_pss is not None:
                        info = proc.memory_full_info()
                        rss, pss = rss + info.rss, pss + info.pss
                    else:
                        rss += proc.memory_info().rss
                except AttributeError:  # no PSS on this platform
                    self.peak_pss = None
                except psutil.Error:
                    pass
            self.peak_rss = max(self.peak_rss, rss)
            if self.peak_pss is not None:
                self.peak_pss = max(self.peak_pss, pss)
            self.stop.wait(SAMPLE_EVERY)


def measure(cmd: list[str], env: dict[str, str], log: Path) -> Run:
    """Run one whole process: wall time, CPU time and memory of it and its children."""
    try:
        import psutil  # noqa: F401

        sampling = True
    except ImportError:
        sampling = False
    with open(log, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
        sampler = TreeSampler(proc.pid) if sampling else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
        if sampler:
            sampler.stop.set()
            sampler.join()
    text = log.read_text(encoding="utf-8", errors="replace")
    mb = 1024 * 1024
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rc=proc.returncode,
        maxrss_mb=usage.ru_maxrss * 1024 / mb,  # Linux: kilobytes
        tree_rss_mb=sampler.peak_rss / mb if sampler and sampler.peak_rss else None,
        tree_pss_mb=sampler.peak_pss / mb if sampler and sampler.peak_pss else None,
        output=text[-2000:],
    )


def show(label: str, i: int, runs: int, run: Run, problem: str | None) -> None:
    tree = f" tree {run.tree_rss_mb:7.0f} MB rss" if run.tree_rss_mb else ""
    status = f"  PROBLEM: {problem}" if problem else ""
    print(
        f"  run {i + 1}/{runs}  {label:<30} {run.wall:7.2f} s wall {run.cpu:7.2f} s cpu"
        f"  max {run.maxrss_mb:6.0f} MB{tree}{status}",
        flush=True,
    )


def row(label: str, series: Series, per: int | None = None) -> str:
    walls = [r.wall for r in series.runs]
    med = statistics.median(walls)
    per_draft = f"{1000 * med / per:8.1f}" if per else f"{'':>8}"
    return (
        f"  {label:<40} {len(walls):>4} {med:9.2f} {min(walls):9.2f} {max(walls):9.2f} {per_draft}"
        f" {series.median('cpu'):9.2f}"
    )


def speedup_line(name: str, slow: Series, fast: Series, target: float | None) -> str:
    r = slow.median() / fast.median()
    cpu = slow.median("cpu") / fast.median("cpu")
    verdict = "" if target is None else ("   ok" if r >= target else "   UNDER TARGET")
    goal = f"target >= {target:.1f}" if target is not None else "(no target)"
    return f"  {name:<40} {r:6.2f}x  {goal}   (cpu ratio {cpu:.2f}){verdict}"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def mb(value: float | None) -> str:
    return f"{value:.0f} MB" if value else "n/a (pip install psutil)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Whole-process benchmark of intro-lint grade.")
    ap.add_argument("-n", type=int, default=1200, help="drafts for (a) and (b) [1200]")
    ap.add_argument(
        "--runs", type=int, default=3, help="timed runs of each command in (a), pairs in (b) [3]"
    )
    ap.add_argument(
        "--rss-n", type=int, default=10_000, help="drafts for the peak-memory grade (c) [10000]"
    )
    ap.add_argument("--jobs", type=int, default=2, help="grade --jobs [2]")
    ap.add_argument("--seed", type=int, default=0, help="draft generator seed [0]")
    ap.add_argument(
        "--dir", help="keep the generated drafts and outputs here instead of a temporary folder"
    )
    ap.add_argument(
        "--pipeline", help="spaCy pipeline package (default: what intro-lint would pick)"
    )
    ap.add_argument(
        "--quick", action="store_true", help="smoke configuration: -n 120 --runs 1 --rss-n 600"
    )
    ap.add_argument(
        "--dask",
        action="store_true",
        help="also time `grade --engine dask` (local cluster, --jobs workers) in (a); no target",
    )
    ap.add_argument(
        "--skip", action="append", default=[], choices=["a", "b", "c"], help="skip a measurement"
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.n, args.runs, args.rss_n = 120, 1, 600

    tmp = tempfile.TemporaryDirectory(prefix="intro-lint-bench-grade-")
    base = Path(args.dir) if args.dir else Path(tmp.name)
    drafts, big = base / "drafts", base / "drafts-rss"
    cache_home = base / "cache"
    out_json, log = base / "grade.json", base / "run.log"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "NO_COLOR": "1"}
    name = pipeline_name(args.pipeline)
    grade = grade_cmd()
    pipe_opt = ["--pipeline", args.pipeline] if args.pipeline else []

    print(
        f"intro-lint grade bench: python {sys.version.split()[0]} ({sys.executable}),"
        f" {os.cpu_count()} cores"
    )
    print(
        f"  grade: {' '.join(grade)}   pipeline: {name}"
        f"   drafts: {args.n} (seed {args.seed}) in {drafts}"
    )
    make_drafts.generate(drafts, args.n, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in drafts.glob("draft-*.txt"))
    print(f"  {words} words in all, {words / max(1, args.n):.0f} per draft; cache: {cache_home}")
    print(f"  load average before: {load_average()}")

    def grade_run(folder: Path, n: int, *extra: str) -> tuple[Run, str | None]:
        run = measure(
            [
                *grade,
                str(folder),
                "--out",
                str(out_json),
                "--jobs",
                str(args.jobs),
                *pipe_opt,
                *extra,
            ],
            env,
            log,
        )
        return run, reports_problem(out_json, n, run.rc, run.output)

    def bare_run() -> tuple[Run, str | None]:
        run = measure([sys.executable, "-c", BARE_SCRIPT, name, str(drafts)], env, log)
        return run, bare_problem(run.output, args.n, run.rc)

    results: dict[str, Series] = {}

    def record(label: str, i: int, runs: int, outcome: tuple[Run, str | None]) -> None:
        run, problem = outcome
        results.setdefault(label, Series()).runs.append(run)
        show(label, i, runs, run, problem)

    print("warm-up (untimed): page cache for the interpreter, site-packages and model files")
    bare_run()
    grade_run(drafts, args.n, "--no-cache")

    if "a" not in args.skip:
        print(f"(a) throughput over {args.n} drafts, {args.runs} runs each, alternating")
        for i in range(args.runs):
            record("grade --no-cache (a)", i, args.runs, grade_run(drafts, args.n, "--no-cache"))
            record("bare nlp.pipe (a)", i, args.runs, bare_run())
            if args.dask:
                record(
                    "grade --engine dask (a)",
                    i,
                    args.runs,
                    grade_run(drafts, args.n, "--no-cache", "--engine", "dask"),
                )
    if "b" not in args.skip:
        print(
            f"(b) first grade into an empty cache, an unchanged re-grade, "
            f"a re-grade after a rubric change (--ignore {RUBRIC_CHANGE}); {args.runs} rounds"
        )
        for i in range(args.runs):
            shutil.rmtree(cache_home, ignore_errors=True)
            record("first grade, empty cache (b)", i, args.runs, grade_run(drafts, args.n))
            record("re-grade, warm cache (b)", i, args.runs, grade_run(drafts, args.n))
            record(
                "re-grade, new rubric (b')",
                i,
                args.runs,
                grade_run(drafts, args.n, "--ignore", RUBRIC_CHANGE),
            )
    if "c" not in args.skip:
        print(f"(c) peak memory of one grade --no-cache over {args.rss_n} drafts")
        make_drafts.generate(big, args.rss_n, args.seed)
        record(f"grade {args.rss_n} drafts (c)", 0, 1, grade_run(big, args.rss_n, "--no-cache"))

    print()
    print(
        f"  {'wall time (s)':<40} {'runs':>4} {'median':>9} {'min':>9} {'max':>9}"
        f" {'ms/draft':>8} {'cpu med':>9}"
    )
    for label, series in results.items():
        print(row(label, series, args.rss_n if label.endswith("(c)") else args.n))
    print()
    print(f"  {'ratio':<40} {'value':>7}")
    if "grade --no-cache (a)" in results:
        print(
            speedup_line(
                "(a) speed-up bare/grade --jobs " + str(args.jobs),
                results["bare nlp.pipe (a)"],
                results["grade --no-cache (a)"],
                THROUGHPUT_TARGET,
            )
        )
    if "grade --engine dask (a)" in results:
        print(
            speedup_line(
                "    speed-up bare/grade --engine dask",
                results["bare nlp.pipe (a)"],
                results["grade --engine dask (a)"],
                None,
            )
        )
    if "first grade, empty cache (b)" in results:
        print(
            speedup_line(
                "(b) speed-up first grade/re-grade",
                results["first grade, empty cache (b)"],
                results["re-grade, warm cache (b)"],
                REGRADE_TARGET,
            )
        )
        print(
            speedup_line(
                "    speed-up first grade/new-rubric re-grade",
                results["first grade, empty cache (b)"],
                results["re-grade, new rubric (b')"],
                None,
            )
        )
    big_label = f"grade {args.rss_n} drafts (c)"
    if big_label in results:
        run = results[big_label].runs[0]
        print(
            f"  (c) peak memory, {args.rss_n} drafts: largest process {mb(run.maxrss_mb)}; "
            f"whole tree {mb(run.tree_rss_mb)} RSS, {mb(run.tree_pss_mb)} PSS"
        )
        small = results.get("grade --no-cache (a)")
        if small and small.runs[0].tree_pss_mb and run.tree_pss_mb:
            ratio = run.tree_pss_mb / statistics.median(r.tree_pss_mb or 0 for r in small.runs)
            print(
                f"      vs {args.n} drafts: "
                f"{statistics.median(r.tree_pss_mb or 0 for r in small.runs):.0f} MB "
                f"PSS -> x{ratio:.2f} for x{args.rss_n / args.n:.1f} the drafts "
                f"(bounded memory keeps this near 1)"
            )
    print(
        f"  targets: (a) bare/grade >= {THROUGHPUT_TARGET},"
        f" (b) first/re-grade >= {REGRADE_TARGET}; (c) is reported"
    )
    print(
        f"  load average after: {load_average()} on {os.cpu_count()} cores "
        f"(more than ~2 means other work shared the cores: rerun on a quiet machine)"
    )
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
