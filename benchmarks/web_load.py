"""Load test of `intro-lint serve --workshop` on 127.0.0.1: a room typing and submitting at once.

30 simulated participants (threads) each send a lint request every 2 s for 60 s, their draft
growing a few words each time as if typed, then submit it; meanwhile bad requests (a huge paste,
a binary upload, malformed JSON, a wrong code) must get a 4xx. Prints p50/p95 latency, errors,
and whether every submission is on disk with its text; writes results/web_load.txt.
"""

from __future__ import annotations

import argparse
import email
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from email import policy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "apps" / "web"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_drafts import make_draft  # noqa: E402
from webserver import start_server, stop_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def participant(served, n: int, seconds: float, every: float, out: dict) -> None:
    rng = random.Random(n)
    _, draft = make_draft(rng)
    words = draft.split(" ")
    cut = max(5, len(words) // 3)
    latencies, errors = [], []
    name = f"Participant {n:02d}"
    ends = time.monotonic() + seconds
    time.sleep(rng.random() * every)  # the room does not type in step
    seq = 0
    while time.monotonic() < ends:
        cut = min(len(words), cut + rng.randint(2, 6))
        seq += 1
        body = {"text": " ".join(words[:cut]), "client": f"c{n}", "seq": seq}
        started = time.perf_counter()
        status, _ = served.json("/api/lint", body)
        latencies.append(time.perf_counter() - started)
        if status != 200:
            errors.append(f"lint {status}")
        time.sleep(max(0.0, every - latencies[-1]))
    text = " ".join(words)
    status, answer = served.json("/api/submit", {"name": name, "code": served.code, "text": text})
    if status != 200:
        errors.append(f"submit {status}: {answer}")
    out[n] = {"latencies": latencies, "errors": errors, "name": name, "text": text}


def bad_requests(served) -> list[str]:
    """Each must get its 4xx; what did not."""
    wrong = []
    cases = [
        ("/api/lint", json.dumps({"text": "a" * 2_000_000}).encode(), {}, 413),
        ("/api/read", b"\x00\x01\x02\xff" * 100, {"X-File-Name": "x.txt"}, 422),
        ("/api/lint", b"{not json", {}, 422),
        ("/api/submit", json.dumps({"name": "X", "code": "WRONG", "text": "hi"}).encode(), {}, 403),
    ]
    for path, body, headers, want in cases:
        status, _, _ = served.call(path, raw=body, headers=headers)
        if status != want:
            wrong.append(f"{path}: {status}, wanted {want}")
    return wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--participants", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--every", type=float, default=2.0)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="intro-lint-load-"))
    served = start_server(home / "room", home)
    out: dict[int, dict] = {}
    threads = [
        threading.Thread(target=participant, args=(served, n, args.seconds, args.every, out))
        for n in range(args.participants)
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(args.seconds / 2)
    wrong = bad_requests(served)
    for t in threads:
        t.join()
    took = time.monotonic() - started
    alive = served.json("/api/info")[0] == 200
    status = stop_server(served)

    latencies = sorted(x for r in out.values() for x in r["latencies"])
    errors = [e for r in out.values() for e in r["errors"]]
    on_disk = {}
    for path in (home / "room").glob("*.eml"):
        mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        on_disk[mail["X-Intro-Lint-Participant"]] = mail.get_content()
    missing = [
        r["name"] for r in out.values() if on_disk.get(r["name"], "").rstrip() != r["text"].rstrip()
    ]
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000
    lines = [
        f"web_load.py: {args.participants} participants, a lint every {args.every:g} s for "
        f"{args.seconds:g} s, then a submission ({time.strftime('%Y-%m-%d %H:%M UTC')})",
        f"lint requests: {len(latencies)}, p50 {p50:.0f} ms, p95 {p95:.0f} ms, max "
        f"{latencies[-1] * 1000:.0f} ms",
        f"errors: {len(errors)}{' ' + '; '.join(errors[:5]) if errors else ''}",
        f"submissions on disk with their text: {len(out) - len(missing)} of {len(out)}",
        f"bad requests answered with their 4xx: {4 - len(wrong)} of 4"
        + (f" {wrong}" if wrong else ""),
        f"server still serving afterwards: {alive}; stopped with Ctrl-C, exit {status}; "
        f"took {took:.0f} s",
    ]
    report = "\n".join(lines) + "\n"
    print(report, end="")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "web_load.txt").write_text(report, encoding="utf-8")
    return 1 if errors or missing or wrong or not alive or status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
