"""Bounds on what a client may send: request size, and requests per second per client."""

from __future__ import annotations

import json
import time
from threading import Lock


class RateLimit:
    """A token bucket per key: `burst` requests at once, refilled at `per_second`."""

    def __init__(self, burst: float, per_second: float, keys: int = 10_000):
        self.burst, self.rate, self.max_keys = burst, per_second, keys
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self.lock:
            if len(self.buckets) > self.max_keys:  # a flood of new keys: forget the oldest half
                for old in sorted(self.buckets, key=lambda k: self.buckets[k][1])[
                    : self.max_keys // 2
                ]:
                    del self.buckets[old]
            tokens, then = self.buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            if tokens < 1:
                self.buckets[key] = (tokens, now)
                return False
            self.buckets[key] = (tokens - 1, now)
            return True


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413 before anything parses it."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await drain(receive, 64 * self.limit)  # so the client reads the answer, not a reset
            return await too_large(send, self.limit)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await drain(receive, 64 * self.limit)
            await too_large(send, self.limit)


async def drain(receive, most: int) -> None:
    """Read and drop a refused body (at most `most` bytes) before answering."""
    seen, more = 0, True
    while more and seen <= most:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        more = message.get("more_body", False)


class BodyTooLarge(Exception):
    """A chunked body went past the limit while it was read."""


async def too_large(send, limit: int) -> None:
    body = json.dumps({"detail": f"the request is over the limit of {limit:,} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
