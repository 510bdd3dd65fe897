"""Reports cached by draft, settings, rules, pipeline, code: unchanged re-grades analyse nothing."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import zlib
from functools import lru_cache
from pathlib import Path

from intro_lint import __version__
from intro_lint.analyse.pipeline import pipeline_name
from intro_lint.apps.atomic import write_atomic
from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Message, Report
from intro_lint.settings.fields import Settings


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The intro_lint sources themselves: any edit to the analysis or scoring is a new identity."""
    package = Path(__file__).resolve().parents[2]  # intro_lint/
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def pipeline_fingerprint(requested: str | None) -> str:
    """Pipeline name and meta.json (version, spaCy range) without loading it; spaCy's version."""
    name = pipeline_name(requested)
    spec = importlib.util.find_spec(name)
    meta = b""
    for folder in (spec.submodule_search_locations or []) if spec else []:
        with contextlib.suppress(OSError):
            meta = (Path(folder) / "meta.json").read_bytes()
            break
    return json.dumps([name, hashlib.sha256(meta).hexdigest(), importlib.metadata.version("spacy")])


def run_identity(settings: Settings, rules: dict[str, RuleSpec]) -> str:
    """Everything besides the draft that a report depends on, as one hash."""
    parts = [
        code_fingerprint(),
        pipeline_fingerprint(settings.pipeline),
        settings.model_dump_json(),
        json.dumps(
            [rule.model_dump(mode="json") for rule in rules.values()], sort_keys=True, default=str
        ),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class ReportCache:
    """get/put compressed reports by sha256(run identity, message); bad entries count as misses."""

    def __init__(self, root: Path, identity: str):
        self.dir = root / "reports"
        self.identity = identity

    def path(self, message: Message) -> Path:
        key = hashlib.sha256(
            f"{self.identity}\0{message.model_dump_json()}".encode("utf-8", "surrogatepass")
        )
        name = key.hexdigest()
        return self.dir / name[:2] / f"{name}.json.z"

    def get(self, message: Message) -> Report | None:
        try:
            data = self.path(message).read_bytes()
            report = Report.model_validate_json(zlib.decompress(data))
        except Exception:  # absent, truncated, corrupt or from another schema: grade it again
            return None
        return report if report.path == message.path else None

    def put(self, message: Message, report: Report) -> None:
        """Written atomically; internal-error reports are not kept (the next run tries again)."""
        if report.error:
            return
        path = self.path(message)
        # a cache that cannot be written only costs the next run time
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, zlib.compress(report.model_dump_json().encode(), 1))
