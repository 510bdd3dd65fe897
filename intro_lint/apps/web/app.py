"""The ASGI app: the page, its JSON API on the one engine, and the workshop's routes."""

from __future__ import annotations

import asyncio
import html
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import PurePath

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.middleware.trustedhost import TrustedHostMiddleware

from intro_lint.apps.web.answers import Answer, Draft, answer
from intro_lint.apps.web.classroom import ClassReports
from intro_lint.apps.web.limits import BodyLimit, RateLimit
from intro_lint.apps.web.workshop import SubmissionError, Workshop, as_mail, clean_name
from intro_lint.errors import IntroLintError
from intro_lint.linter import Linter
from intro_lint.read.limits import text_size_over
from intro_lint.read.message import read_bytes

STATIC = files("intro_lint.apps.web") / "static"
PAGES = {"app.js": "text/javascript", "app.css": "text/css", "icon.svg": "image/svg+xml"}
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
# the class report is one self-contained HTML file with its own inline style and script
REPORT_HEADERS = {
    **PAGE_HEADERS,
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; frame-ancestors 'self'"
    ),
}
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]", "::1"]


class Join(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=200)
    code: str = Field(max_length=40)


class Submission(Draft):
    name: str = Field(max_length=200)
    code: str = Field(max_length=40)


@dataclass
class Server:
    """What the routes share: the engine (one worker thread), limits, the workshop if any."""

    linter: Linter
    cli: dict
    workshop: Workshop | None = None
    loopback_only: bool = True
    lint_limit: RateLimit = field(default_factory=lambda: RateLimit(burst=60, per_second=30))
    submit_limit: RateLimit = field(default_factory=lambda: RateLimit(burst=60, per_second=2))
    join_limit: RateLimit = field(default_factory=lambda: RateLimit(burst=10, per_second=0.5))
    latest: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        # the engine is CPU-bound and its pipeline is not shared across threads: one worker
        # thread runs every lint, so the event loop stays free to serve other tabs meanwhile
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intro-lint-engine")
        self.reports = ClassReports(self.workshop, self.cli) if self.workshop else None

    @property
    def max_bytes(self) -> int:
        return self.linter.settings.max_bytes

    async def run(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.engine, fn, *args)

    def lint(self, draft: Draft) -> Answer:
        if draft.client and self.latest.get(draft.client, draft.seq) > draft.seq:
            return Answer(seq=draft.seq, stale=True)  # a newer text from that tab is queued
        return answer(self.linter, draft)


def client_of(request: Request) -> str:
    return request.client.host if request.client else "?"


def limited(limit: RateLimit, key: str) -> None:
    if not limit.allow(key):
        raise HTTPException(429, "too many requests; slow down", headers={"Retry-After": "2"})


def check_size(server: Server, text: str) -> None:
    size = text_size_over(text, server.max_bytes)
    if size is not None:
        raise HTTPException(
            413, f"the draft is {size:,} bytes, over the limit of {server.max_bytes:,} bytes"
        )


def create_app(server: Server) -> FastAPI:
    """The app for one Server; `docs` routes are off (nothing here is fetched from a CDN)."""
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, title="intro-lint")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        detail = f"malformed request: {where}: {first.get('msg', 'invalid')}"
        if first.get("type") == "json_invalid":
            detail = "malformed request: the body is not valid JSON"
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(IntroLintError)
    async def engine_refused(request: Request, exc: IntroLintError):
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.get("/", response_class=HTMLResponse)
    async def page():
        return HTMLResponse(
            (STATIC / "index.html").read_text(encoding="utf-8"), headers=PAGE_HEADERS
        )

    @app.get("/static/{name}")
    async def static(name: str):
        if name not in PAGES:  # a fixed list: no path from the client reaches the file system
            raise HTTPException(404, "not found")
        return Response((STATIC / name).read_bytes(), media_type=PAGES[name], headers=PAGE_HEADERS)

    @app.get("/api/info")
    async def info():
        return {"workshop": server.workshop is not None, "max_bytes": server.max_bytes}

    @app.post("/api/lint", response_model=Answer)
    async def lint(draft: Draft, request: Request):
        limited(server.lint_limit, client_of(request))
        check_size(server, draft.text)
        if draft.client:
            server.latest[draft.client] = max(draft.seq, server.latest.get(draft.client, 0))
        return await server.run(server.lint, draft)

    @app.post("/api/read")
    async def read_file(request: Request):
        """A dropped or opened file's bytes -> its text, To, Subject and attachments."""
        limited(server.lint_limit, client_of(request))
        name = PurePath(request.headers.get("x-file-name", "draft.txt")).name or "draft.txt"
        if not name.lower().endswith((".txt", ".md", ".markdown", ".eml")):
            raise HTTPException(415, f"{name}: open a .txt, .md or .eml file")
        data = await request.body()
        try:
            message = read_bytes(data, name, server.max_bytes)
        except IntroLintError as exc:
            raise HTTPException(422, str(exc)) from None
        headers = message.headers
        return {
            "text": message.text,
            "to": headers.get("To", ""),
            "subject": message.subject or "",
            "attachments": [a.model_dump() for a in message.attachments],
        }

    @app.post("/api/eml")
    async def eml(draft: Draft):
        """The finished draft as a .eml file to open in a mail client."""
        check_size(server, draft.text)
        data = as_mail("", draft.to, draft.subject, draft.text, datetime.now(UTC))
        disposition = 'attachment; filename="draft.eml"'
        return Response(
            data, media_type="message/rfc822", headers={"Content-Disposition": disposition}
        )

    add_workshop_routes(app, server)
    app.add_middleware(BodyLimit, limit=2 * server.max_bytes + 65_536)
    if server.loopback_only:  # a page elsewhere cannot reach this server by renaming itself
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_NAMES)
    return app


def add_workshop_routes(app: FastAPI, server: Server) -> None:
    def room() -> Workshop:
        if server.workshop is None:
            raise HTTPException(404, "this server is not running a workshop (serve --workshop DIR)")
        return server.workshop

    def instructor(token: str) -> Workshop:
        workshop = room()
        if not workshop.token_ok(token):
            raise HTTPException(403, "wrong or missing instructor token")
        return workshop

    @app.post("/api/join")
    async def join(body: Join, request: Request):
        workshop = room()
        limited(server.join_limit, client_of(request))
        if not workshop.code_ok(body.code):
            raise HTTPException(403, "that is not this workshop's code")
        try:
            return {"name": clean_name(body.name)}
        except SubmissionError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.post("/api/submit")
    async def submit(body: Submission, request: Request):
        workshop = room()
        limited(server.submit_limit, client_of(request))
        if not workshop.code_ok(body.code):
            raise HTTPException(403, "that is not this workshop's code")
        check_size(server, body.text)
        if not body.text.strip():
            raise HTTPException(422, "the draft is empty")
        try:
            path = await asyncio.to_thread(
                workshop.submit, body.name, body.to, body.subject, body.text
            )
        except SubmissionError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"file": path.name}

    @app.get("/instructor", response_class=HTMLResponse)
    async def instructor_page(token: str = ""):
        workshop = instructor(token)
        count = len(workshop.submissions())
        return HTMLResponse(instructor_html(workshop, count), headers=PAGE_HEADERS)

    @app.get("/instructor/report")
    async def report(token: str = ""):
        instructor(token)
        count, text = await server.run(server.reports.get, "html")
        if not count:
            text = "<!doctype html><title>No drafts yet</title><p>No drafts submitted yet.</p>"
        return HTMLResponse(text, headers=REPORT_HEADERS)

    @app.get("/instructor/report.csv")
    async def report_csv(token: str = ""):
        instructor(token)
        _, text = await server.run(server.reports.get, "csv")
        disposition = 'attachment; filename="class-report.csv"'
        return Response(text, media_type="text/csv", headers={"Content-Disposition": disposition})


def instructor_html(workshop: Workshop, count: int) -> str:
    """The instructor's page: the join code to show the room, the count, the live class report."""
    token = html.escape(workshop.token, quote=True)
    code = html.escape(workshop.code)
    noun = "draft" if count == 1 else "drafts"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15">
<title>intro-lint workshop: instructor</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body class="instructor"><main>
<h1>Workshop</h1>
<p class="join">Join code: <strong id="join-code">{code}</strong></p>
<p id="count" role="status">{count} {noun} submitted. This page refreshes every 15 seconds.</p>
<p><a href="/instructor/report.csv?token={token}" download>Download the class report (CSV)</a></p>
<iframe id="report" title="Class report" src="/instructor/report?token={token}"></iframe>
</main></body></html>
"""
