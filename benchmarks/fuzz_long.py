"""The long fuzz campaign, run by hand: 100,000 drafts, 1,000 editor edits, 1,000 malformed mails.

It uses the suite's mutators and invariants (tests/fuzz/) at a scale CI cannot afford, prints
the counts, writes them to benchmarks/results/fuzz_long.txt, and keeps every input that broke an
invariant under benchmarks/results/fuzz-failures/ to reproduce it. Exit status 1 if any did.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

from invariants import SUFFIXES, draft_problems, encoded, guard_outcome, outcome_problems  # noqa: E402
from mutations import draft_seeds, mime_seeds, mutate_draft, mutate_mime  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
FAILURES = RESULTS / "fuzz-failures"
BATCH = 100
REFIX_EVERY = 10  # one batch in ten is also fixed (--fix --unsafe-fixes) and linted again


def _linter():
    from intro_lint.linter import linter_for
    from intro_lint.settings.fields import Settings

    return linter_for(Settings())


def draft_batch(job: tuple[int, int]) -> tuple[int, list[tuple[str, bytes, list[str]]]]:
    """One batch of mutated drafts, linted together: (drafts, [(name, bytes, problems)])."""
    seed, index = job
    rng = random.Random(f"{seed}-{index}")
    seeds = draft_seeds()
    files = [
        (encoded(rng, mutate_draft(rng, seeds)), f"d{index}-{n}{rng.choice(SUFFIXES)}")
        for n in range(BATCH)
    ]
    linter = _linter()
    refix = index % REFIX_EVERY == 0
    try:
        problems = draft_problems(linter, files, refix)
    except Exception as exc:  # a crash: find the draft that causes it, one at a time
        problems = [f"batch crashed: {type(exc).__name__}: {exc}"]
    if not problems:
        return len(files), []
    bad = []
    for data, name in files:
        try:
            one = draft_problems(linter, [(data, name)], refix)
        except Exception as exc:
            one = [f"crash: {type(exc).__name__}: {exc}"]
        if one:
            bad.append((name, data, one))
    return len(files), bad or [("batch", b"", problems)]


def run_drafts(count: int, seed: int, workers: int) -> tuple[int, list]:
    jobs = [(seed, i) for i in range(count // BATCH)]
    done, failures = 0, []
    started = time.monotonic()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for n, bad in pool.imap_unordered(draft_batch, jobs):
            done += n
            failures += bad
            if done % 5000 == 0:
                rate = done / (time.monotonic() - started)
                print(f"  drafts: {done:,} ({rate:.0f}/s), failing {len(failures)}", flush=True)
    return done, failures


def run_lsp_edits(edits: int, seed: int) -> tuple[int, str]:
    """The suite's LSP fuzz test (a real server process) with `edits` edits: exit status, tail."""
    env = {**os.environ, "INTRO_LINT_FUZZ_EDITS": str(edits), "INTRO_LINT_FUZZ_SEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "tests/apps/lsp/test_lsp_fuzz_edits.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    return done.returncode, done.stdout.strip().splitlines()[-1] if done.stdout else done.stderr


def run_guard(count: int, seed: int, real: int) -> tuple[dict[int, int], list, int]:
    """`count` malformed mails through the guard in this process; the first `real` of them also
    through a real `intro-lint guard` process, which must do exactly the same."""
    rng = random.Random(f"{seed}-mime")
    seeds = mime_seeds()
    statuses: dict[int, int] = {}
    failures, mismatches = [], 0
    exe = Path(sys.executable).parent / "intro-lint"
    with tempfile.TemporaryDirectory() as room:
        out = Path(room) / "sent.eml"
        for n in range(count):
            data = mutate_mime(rng, seeds)
            status, err, sent = guard_outcome(data, out)
            problems = outcome_problems(data, status, err, sent)
            statuses[status] = statuses.get(status, 0) + 1
            if problems:
                failures.append((f"mime-{n}.eml", data, problems))
            if n < real:
                proc = subprocess.run(
                    [str(exe), "guard", "--", "sh", "-c", 'cat > "$0"', str(out)],
                    input=data,
                    capture_output=True,
                    cwd=room,
                    timeout=300,
                )
                got = out.read_bytes() if proc.returncode == 0 and out.exists() else None
                if (proc.returncode, got) != (status, sent):
                    mismatches += 1
                    failures.append((f"mime-{n}.eml", data, ["the real guard process differs"]))
    return statuses, failures, mismatches


def keep(failures: list) -> None:
    FAILURES.mkdir(parents=True, exist_ok=True)
    for name, data, problems in failures:
        (FAILURES / f"{name}.bin").write_bytes(data)
        (FAILURES / f"{name}.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=100_000)
    ap.add_argument("--edits", type=int, default=1_000)
    ap.add_argument("--mails", type=int, default=1_000)
    ap.add_argument("--real-guard", type=int, default=25, help="mails also sent through a process")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    os.chdir(tempfile.mkdtemp(prefix="intro-lint-fuzz-"))  # no project config from the cwd
    lines = [
        f"fuzz_long.py --seed {args.seed} ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})"
    ]
    started = time.monotonic()

    drafts, draft_failures = run_drafts(args.drafts, args.seed, args.workers)
    lines.append(
        f"engine: {drafts:,} mutated drafts (1 batch in {REFIX_EVERY} fixed and linted again), "
        f"{len(draft_failures)} broke an invariant"
    )
    status, tail = run_lsp_edits(args.edits, args.seed)
    lines.append(
        f"lsp: {args.edits:,} random edits with odd characters: pytest exit {status} ({tail})"
    )
    statuses, mail_failures, mismatches = run_guard(args.mails, args.seed, args.real_guard)
    shown = ", ".join(f"exit {k}: {v}" for k, v in sorted(statuses.items()))
    lines.append(
        f"guard: {args.mails:,} malformed mails ({shown}), {len(mail_failures)} broke one; "
        f"{args.real_guard} also through a real process, {mismatches} differed"
    )
    lines.append(f"took {time.monotonic() - started:.0f} s")
    failures = draft_failures + mail_failures
    keep(failures)
    report = "\n".join(lines) + "\n"
    print(report, end="")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fuzz_long.txt").write_text(report, encoding="utf-8")
    return 1 if failures or status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
