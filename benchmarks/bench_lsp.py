"""Edit-to-diagnostics latency of `intro-lint lsp` against one bare `nlp()`. A report, not a test.

    .venv/bin/python benchmarks/bench_lsp.py [--edits 60] [--warmup 5] [--words 250]
        [--pipeline NAME]

Loads the same pipeline with bare `spacy.load` in this process, then starts the real server
(`python -m intro_lint.apps.lsp`, the checkout's code) under a pygls client over stdio, opens one
~250-word draft and waits for its diagnostics, makes `--warmup` untimed edits, then `--edits` timed
ones, one at a time: each edit is an incremental didChange that adds or removes one word at the end
of a paragraph, timed from just before it is sent to the publishDiagnostics for that version. Right
after each edit, `nlp(text)` on the same text is timed here, so the pairs share whatever else the
machine is doing (on a shared 2-core VM, other work can slow every parse by 1.5-2x for seconds at a
time). Prints p50/p95 of both, the ratio of the p50s and the median of the per-pair ratios (target:
<= 1.3x one bare parse), and the server's RSS (VmRSS and peak VmHWM from /proc/PID/status).

What the ratio covers beyond the parse: JSON-RPC both ways, applying the change to the server's
copy, settings lookup (project files, walking up from the draft's folder), reading the buffer, the
boundaries component, detectors and textstat, the rules, and building the diagnostics. Always
exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TARGET = 1.3
PARAGRAPHS = [
    "Hi Malik,",
    "Congratulations on the Routewise launch last week! I read your write-up on how the team "
    "rebuilt the dispatch engine around live traffic data, and the part about cutting failed "
    "deliveries by a fifth was the clearest explanation of routing trade-offs I have seen this "
    "year.",
    "I am writing because my friend Ines Alvarez is moving on from Harborline Health, where she "
    "has led supply planning for four years. She rebuilt their demand forecasting from "
    "spreadsheets into a small Python service that the regional managers now use every morning, "
    "and she cut stock-outs at their clinics by about thirty percent while holding inventory flat.",
    "I saw that you are connected to Hannah Morgan, the head of operations at Fernway. Would you "
    "be willing to forward the short note below to Hannah? Ines is interested in the operations "
    "lead role Fernway posted last month, and her forecasting work maps closely onto what the "
    "posting describes.",
    "Hi Hannah, I'm Ines Alvarez, supply planning lead at Harborline Health. I'd value twenty "
    "minutes to hear how Fernway plans stock across its new sites; my resume is here: "
    "https://example.org/ines.",
    "If it would help, I'm happy to introduce you to the analytics team at Tidewater, who asked "
    "me last week about dispatch data. Either way, let's catch up properly when you are next in "
    "Denver.",
    "Thanks,\nPriya",
]


def draft(words: int) -> str:
    """The paragraphs above, trimmed or repeated to about `words` words."""
    text = "\n\n".join(PARAGRAPHS) + "\n"
    while len(text.split()) < words:
        text = text.replace("\n\nThanks,", "\n\n" + PARAGRAPHS[5] + "\n\nThanks,", 1)
    return text


class Client(LanguageClient):
    """A pygls client that resolves one future per (uri, version) when its diagnostics arrive."""

    def __init__(self) -> None:
        super().__init__("intro-lint-bench", "1")
        self.waiting: dict[tuple[str, int | None], asyncio.Future] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            future = self.waiting.pop((params.uri, params.version), None)
            if future is not None and not future.done():
                future.set_result(len(params.diagnostics))

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            if params.type == types.MessageType.Error:
                print(f"server: {params.message}", file=sys.stderr)

    def expect(self, uri: str, version: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.waiting[(uri, version)] = future
        return future


async def start(pipeline: str | None) -> Client:
    client = Client()
    await client.start_io(sys.executable, "-m", "intro_lint.apps.lsp")
    options = {"pipeline": pipeline} if pipeline else None
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options=options
        )
    )
    client.initialized(types.InitializedParams())
    return client


def change(
    uri: str, version: int, text: str, add: bool
) -> tuple[types.DidChangeTextDocumentParams, str]:
    """Add " indeed" at the end of the second paragraph, or take it away again."""
    anchor = text.index("this year") + len("this year")
    line = text[:anchor].count("\n")
    column = anchor - (
        text.rfind("\n", 0, anchor) + 1
    )  # ASCII paragraph: code points = UTF-16 units
    end = column + (0 if add else len(" indeed"))
    span = types.Range(
        start=types.Position(line=line, character=column),
        end=types.Position(line=line, character=end),
    )
    new = (
        text[:anchor] + " indeed" + text[anchor:]
        if add
        else text[:anchor] + text[anchor + len(" indeed") :]
    )
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[
            types.TextDocumentContentChangePartial(range=span, text=" indeed" if add else "")
        ],
    )
    return params, new


async def edit_latencies(
    client: Client, uri: str, text: str, args, parse
) -> tuple[list[float], list[float]]:
    """Server edit-to-diagnostics times, and bare parse times of the same text right after each."""
    done = client.expect(uri, 1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="plaintext", version=1, text=text
            )
        )
    )
    await asyncio.wait_for(done, 300)
    timings, bare = [], []
    for n in range(args.warmup + args.edits):
        params, text = change(uri, n + 2, text, add=n % 2 == 0)
        done = client.expect(uri, n + 2)
        started = time.perf_counter()
        client.text_document_did_change(params)
        await asyncio.wait_for(done, 120)
        if n >= args.warmup:
            timings.append(time.perf_counter() - started)
            bare.append(parse(text))
    return timings, bare


def rss(pid: int) -> dict[str, str]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = value.strip()
    return fields


def bare_parser(text: str, pipeline: str | None):
    """The pipeline's name and a function timing one bare `nlp(text)`, warmed up."""
    import spacy

    from intro_lint.analyse.pipeline import pipeline_name

    name = pipeline_name(pipeline)
    nlp = spacy.load(name)
    for _ in range(5):
        nlp(text)

    def parse(current: str) -> float:
        started = time.perf_counter()
        nlp(current)
        return time.perf_counter() - started

    return name, parse


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def serve_and_measure(
    args, text: str, parse
) -> tuple[list[float], list[float], dict[str, str]]:
    client = await start(args.pipeline)
    try:
        with tempfile.TemporaryDirectory(prefix="intro-lint-bench-") as folder:
            uri = (Path(folder) / "draft.txt").as_uri()
            timings, bare = await edit_latencies(client, uri, text, args, parse)
        memory = rss(client._server.pid)
        await client.shutdown_async(None)
        client.exit(None)
        await asyncio.wait_for(client._server.wait(), 30)
    finally:
        if (
            client._server.returncode is None
        ):  # something failed above: do not wait for a clean exit
            client._server.terminate()
        await client.stop()
    return timings, bare, memory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--pipeline", default=None)
    args = parser.parse_args(argv)
    text = draft(args.words)
    name, parse = bare_parser(text, args.pipeline)
    timings, bare, memory = asyncio.run(serve_and_measure(args, text, parse))
    report(args, text, name, timings, bare, memory)
    return 0


def report(
    args, text: str, name: str, timings: list[float], bare: list[float], memory: dict[str, str]
) -> None:
    ms = lambda s: f"{s * 1000:7.1f} ms"  # noqa: E731
    print(
        f"draft: {len(text.split())} words; pipeline {name};"
        f" {args.warmup} warm-up + {args.edits} timed edits"
    )
    print(
        f"edit -> diagnostics  p50 {ms(p(timings, 0.5))}  p95 {ms(p(timings, 0.95))}"
        f"  min {ms(min(timings))}"
    )
    print(
        f"bare nlp(text)       p50 {ms(p(bare, 0.5))}  p95 {ms(p(bare, 0.95))}  min {ms(min(bare))}"
    )
    ratio = p(timings, 0.5) / p(bare, 0.5)
    flag = "" if ratio <= TARGET else "  OVER TARGET"
    paired = statistics.median(t / b for t, b in zip(timings, bare, strict=True))
    print(
        f"ratio p50/p50 {ratio:.2f}x (target <= {TARGET}x){flag}; "
        f"median per-edit ratio {paired:.2f}x; p95/p95 {p(timings, 0.95) / p(bare, 0.95):.2f}x"
    )
    print(f"server RSS {memory.get('VmRSS', '?')} (peak {memory.get('VmHWM', '?')})")


if __name__ == "__main__":
    sys.exit(main())
