"""Editor buffers: pick the draft kind, and say why a buffer should not be linted at all."""

from __future__ import annotations

from intro_lint.read.limits import has_nul, mostly_controls, text_size_over

# The same sniffing `intro-lint check -` uses for standard input (RFC 5322 header lines, then a
# blank line); private in message.py, so imported under a local name here.
from intro_lint.read.message import looks_like_email

EMAIL_LANGUAGES = frozenset({"mail", "email", "eml", "message"})  # "message": eglot, message-mode
MARKDOWN_LANGUAGES = frozenset({"markdown", "md", "mdx"})
SNIFF_CHARS = 16384
BINARY_SAMPLE = 65536


def kind_of(language_id: str | None, path: str, text: str) -> str:
    """The read_text kind: email for mail buffers and header-led text, markdown, or text."""
    language = (language_id or "").lower()
    lower = path.lower()
    if language in EMAIL_LANGUAGES or lower.endswith(".eml"):
        return "email"
    if language in MARKDOWN_LANGUAGES or lower.endswith((".md", ".markdown")):
        return "markdown"
    head = text[:SNIFF_CHARS].encode("utf-8", "surrogatepass")
    return "email" if looks_like_email(head) else "text"


def too_large(text: str, max_bytes: int) -> str | None:
    """Why the buffer is over the size limit, or None; cheap when it clearly is not."""
    size = text_size_over(text, max_bytes)
    if size is None:
        return None
    return (
        f"intro-lint: this draft is {size:,} bytes, over the limit of {max_bytes:,} bytes "
        "(setting max-bytes); not linted"
    )


def not_text(text: str) -> str | None:
    """Why the buffer looks binary (NUL bytes, or over 5% control characters), or None."""
    sample = text[:BINARY_SAMPLE]
    if has_nul(sample):
        return "intro-lint: this buffer contains NUL characters and looks binary; not linted"
    if mostly_controls(sample):
        return "intro-lint: this buffer is mostly control characters and looks binary; not linted"
    return None
