"""Render an HTML mail body as readable plain text, keeping intro-lint suppression comments."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from intro_lint.read.suppressions import SUPPRESSION

_SKIP_TAGS = frozenset("head title script style template noscript img".split())
_PARAGRAPH_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 ul ol table pre blockquote hr".split())
_BLOCK_TAGS = frozenset(
    "address article aside center dd details div dl dt fieldset figcaption figure footer form "
    "header li main nav section tr".split()
)
# Rendering first yields text with two markers, resolved afterwards as a browser lays out lines:
# _SOFT ends the current line unless it is empty (block edges); _PARA also wants a blank line
# before the next text (paragraph margins). <br> is a hard "\n": `<div><br></div>` is an empty line.
_SOFT, _PARA = "\ue000", "\ue001"
_PIECES = re.compile(f"([{_SOFT}{_PARA}\n])")


def html_to_text(html: str) -> str:
    """Readable text from an HTML mail: blocks and <br> make newlines, <blockquote> becomes `> `
    lines, scripts/styles go, entities are decoded; intro-lint comments are kept."""
    root = LexborHTMLParser(html).root
    return _tidy(_resolve(_render(root, pre=False))) if root is not None else ""


def _render(node: LexborNode, pre: bool) -> str:
    out = []
    for child in node.iter(include_text=True):
        if child.is_text_node:
            out.append(_inline_text(child.text_content or "", pre))
        elif child.is_comment_node:
            comment = f"<!--{child.comment_content or ''}-->"
            out.append(comment if SUPPRESSION.match(comment) else "")
        else:
            out.append(_element(child, pre))
    return "".join(out)


def _inline_text(text: str, pre: bool) -> str:
    text = text.replace("\xa0", " ")
    return text if pre else re.sub(r"[ \t\n\r\f]+", " ", text)


def _element(node: LexborNode, pre: bool) -> str:
    tag = node.tag or ""
    if tag in _SKIP_TAGS:
        return ""
    if tag == "br":
        return "\n"
    inner = _render(node, pre or tag == "pre")
    if tag == "blockquote":
        inner = "\n".join(f"> {line}".rstrip() for line in _tidy(_resolve(inner)).split("\n"))
    elif tag == "li":
        inner = "- " + inner.strip(f" \n{_SOFT}{_PARA}")
    elif tag in ("td", "th"):
        return inner + " "
    if tag in _PARAGRAPH_TAGS:
        return f"{_PARA}{inner}{_PARA}"
    return f"{_SOFT}{inner}{_SOFT}" if tag in _BLOCK_TAGS else inner


def _resolve(marked: str) -> str:
    """Turn the line markers into newlines; spaces at a line's start go."""
    out: list[str] = []
    newlines, blank = 0, False
    for piece in _PIECES.split(marked):
        if piece == "\n":
            out.append(piece)
            newlines += 1
        elif piece in (_SOFT, _PARA):
            if out and newlines == 0:
                out.append("\n")
                newlines = 1
            blank = blank or piece == _PARA
        elif text := (piece.lstrip(" ") if newlines or not out else piece):
            out.append("\n" * max(0, 2 - newlines) if blank and out else "")
            out.append(text)
            newlines, blank = 0, False
    return "".join(out)


def _tidy(text: str) -> str:
    """Strip each line's edges, keep at most one blank line in a row, drop outer blank lines."""
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
