"""Per document, at most one lint running and one wanted after it: the newest text wins."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


class Latest:
    """Coalesce lint requests per document.

    A request while a lint of the same document runs only marks it dirty; when that lint ends,
    one more runs on the then-current text. Intermediate versions are never linted, so a burst
    of edits costs at most two lints, and an idle document's edit starts at once (no fixed delay).
    The job itself drops its result if the document changed while it ran.
    """

    def __init__(self, job: Callable[[str], Awaitable[None]]):
        self.job = job
        self.running: dict[str, asyncio.Task] = {}
        self.dirty: set[str] = set()

    def request(self, uri: str) -> None:
        if uri in self.running:
            self.dirty.add(uri)
            return
        self.running[uri] = asyncio.get_running_loop().create_task(self._drain(uri))

    async def _drain(self, uri: str) -> None:
        try:
            while True:
                self.dirty.discard(uri)
                await self.job(uri)
                if uri not in self.dirty:
                    return
        finally:
            if self.running.get(uri) is asyncio.current_task():  # not a task started after forget()
                del self.running[uri]

    def forget(self, uri: str) -> None:
        """Stop caring about a closed document (a lint already in the worker thread just ends)."""
        self.dirty.discard(uri)
        task = self.running.pop(uri, None)
        if task is not None:
            task.cancel()
