"""A content-hash cache of parsed spaCy docs: one small DocBin file per draft, in the user cache."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from intro_lint import __version__
from intro_lint.analyse import boundaries
from intro_lint.apps.atomic import write_atomic

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def cache_root(env: Mapping[str, str] = os.environ) -> Path:
    """`$XDG_CACHE_HOME/intro-lint`, or `~/.cache/intro-lint`.

    A relative XDG_CACHE_HOME is ignored.
    """
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base and os.path.isabs(base) else Path.home() / ".cache") / "intro-lint"


def pipeline_identity(nlp: Language) -> list[str]:
    """What else a parse depends on: pipeline name and version, spaCy, intro-lint, boundaries."""
    import spacy  # (see _load)

    name = f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}"
    code = hashlib.sha256(Path(boundaries.__file__).read_bytes()).hexdigest()[:16]
    return [
        name,
        str(nlp.meta.get("version", "?")),
        spacy.__version__,
        __version__,
        code,
        ",".join(nlp.pipe_names),
    ]


class DocCache:
    """get/put parsed docs by sha256 of (text, pipeline identity); bad entries count as misses."""

    def __init__(self, nlp: Language, root: Path | None = None):
        self.nlp = nlp
        self.dir = (root or cache_root()) / "docs"
        self.identity = pipeline_identity(nlp)
        self.hits = self.misses = self.corrupt = self.writes = self.write_errors = 0

    def key(self, text: str) -> str:
        blob = json.dumps([text, *self.identity], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, text: str) -> Path:
        key = self.key(text)
        return self.dir / key[:2] / f"{key}.spacy"

    def get(self, text: str) -> Doc | None:
        doc = self._load(self.path(text), text)
        if doc is None:
            self.misses += 1
        else:
            self.hits += 1
        return doc

    def _load(self, path: Path, text: str) -> Doc | None:
        # spaCy is imported here, once a pipeline is loaded, not at the top: `intro-lint --help`
        # imports this module, and importing spaCy costs ~0.5 s
        from spacy.tokens import DocBin

        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            doc = next(iter(DocBin().from_bytes(data).get_docs(self.nlp.vocab)))
        except Exception:  # truncated, corrupt or foreign file: parse again and overwrite it
            doc = None
        if doc is None or doc.text != text:
            self.corrupt += 1
            return None
        return doc

    def put(self, text: str, doc: Doc) -> None:
        """Write atomically (a temporary file, then rename); an unwritable cache is skipped."""
        from spacy.tokens import DocBin  # (see _load)

        bin_ = DocBin(store_user_data=False)
        bin_.add(doc)
        path = self.path(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, bin_.to_bytes())
            self.writes += 1
        except OSError:
            self.write_errors += 1
