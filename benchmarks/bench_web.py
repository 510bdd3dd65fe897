"""Lint latency through the page's API vs in-process on the same drafts (target: <= 1.2x).

The in-process side calls the engine the way `check` does for one draft; the API side posts each
draft to a real `intro-lint serve` over one keep-alive connection, as the page does while a
person types. Runs alternate; prints medians per draft and the ratio; writes results/bench_web.txt.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "apps" / "web"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_drafts import make_draft  # noqa: E402
from webserver import start_server, stop_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
SEQ = itertools.count(1)  # one tab's requests, numbered as the page numbers them


def in_process(linter, texts: list[str]) -> list[float]:
    from intro_lint.read.message import read_text

    took = []
    for text in texts:
        started = time.perf_counter()
        linter.lint([read_text(text, "draft.txt")])
        took.append(time.perf_counter() - started)
    return took


def through_api(url: str, texts: list[str]) -> list[float]:
    where = urlparse(url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=120)
    took = []
    for text in texts:
        body = json.dumps({"text": text, "client": "bench", "seq": next(SEQ)})
        started = time.perf_counter()
        connection.request("POST", "/api/lint", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        data = response.read()
        took.append(time.perf_counter() - started)
        if response.status != 200 or json.loads(data).get("stale"):
            raise SystemExit(f"the API answered {response.status}: {data[:200]!r}")
    connection.close()
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="drafts")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(0)
    texts = [make_draft(rng)[1] for _ in range(args.n)]

    from intro_lint.linter import linter_for
    from intro_lint.settings.fields import Settings

    linter = linter_for(Settings())
    in_process(linter, texts[:5])  # warm, as the server is warmed at start
    home = Path(tempfile.mkdtemp(prefix="intro-lint-bench-web-"))
    served = start_server(home / "room", home)
    through_api(served.url, texts[:5])
    local, api = [], []
    try:
        for _ in range(args.runs):
            local += in_process(linter, texts)
            api += through_api(served.url, texts)
    finally:
        stop_server(served)
    a, b = statistics.median(api) * 1000, statistics.median(local) * 1000
    total_a, total_b = sum(api), sum(local)
    lines = [
        f"bench_web.py: {args.n} drafts x {args.runs} runs, alternating "
        f"({time.strftime('%Y-%m-%d %H:%M UTC')})",
        f"in-process: median {b:.1f} ms per draft, total {total_b:.1f} s",
        f"page API:   median {a:.1f} ms per draft, total {total_a:.1f} s",
        f"ratio API / in-process: median {a / b:.2f}x, total {total_a / total_b:.2f}x "
        "(target <= 1.2x)",
    ]
    report = "\n".join(lines) + "\n"
    print(report, end="")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_web.txt").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
