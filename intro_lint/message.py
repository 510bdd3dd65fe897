"""Read a draft (file, bytes, stdin or editor buffer) into a Message."""

from __future__ import annotations

import mimetypes
import os
import re
import unicodedata
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser, HeaderParser

from selectolax.lexbor import LexborHTMLParser, LexborNode

from intro_lint.errors import InputError
from intro_lint.models import Attachment, Message, Span, Suppression
from intro_lint.split import split

# Newlines: every entry point turns "\r\n" and a lone "\r" into "\n" before anything else, so every
# offset in a Message points into that normalised text. Line numbers are unchanged by this (editors
# and LSP count "\r\n", "\r" and "\n" as one line break each), so line/column stay exact.

DEFAULT_MAX_BYTES = 1_000_000
KINDS = ("text", "markdown", "email")
HEADER_NAMES = ("From", "To", "Cc", "Subject", "Date", "Message-ID")
EMAIL_SUFFIXES = (".eml",)
MARKDOWN_SUFFIXES = (".md", ".markdown")

_MAGIC = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.pages file)",
    b"\xd0\xcf\x11\xe0": "a legacy Microsoft Office document",
    b"\x7fELF": "a program",
}
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_HEADER_LINE = re.compile(r"[!-9;-~]+:.*|[ \t]+\S.*")
_MBOX_FROM = re.compile(r"From \S+.*")
_SNIFF_NAMES = frozenset(
    "from to cc subject date message-id mime-version content-type received return-path "
    "reply-to delivered-to in-reply-to references sender".split()
)
_SUBJECT_LINE = re.compile(r"[Ss]ubject:[ \t]*(?P<subject>[^\n]*)\n[ \t]*\n")
_SUPPRESSION = re.compile(
    r"<!--\s*intro-lint\s*:\s*ignore(?:\s*\[(?P<rules>[^\]]*)\]|(?P<all>-all\b)|(?=\s|-->))"
    r"(?P<reason>.*?)-->",
    re.S | re.I,
)
# Defects after which the stdlib's view of a MIME structure cannot be trusted. A missing closing
# boundary is not among them: truncated but otherwise fine mail is common and parses well.
_FATAL_DEFECTS = {
    "NoBoundaryInMultipartDefect": "a multipart part has no boundary",
    "StartBoundaryNotFoundDefect": "a multipart boundary never appears in its body",
    "MultipartInvariantViolationDefect": "a multipart part holds no parts",
    "InvalidBase64LengthDefect": "base64 content is truncated or corrupt",
}


# --- public API -------------------------------------------------------------------------------


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Message:
    """Read a draft file: `.eml` as email, `.md`/`.markdown` as Markdown, anything else as text.

    Message.text is the decoded text exactly, except that "\\r\\n" and "\\r" become "\\n".
    """
    return read_bytes(_read_file(path, max_bytes), path, max_bytes)


def read_bytes(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Message:
    """Read a draft already in memory; path "-" (stdin) is sniffed: email if it opens with headers."""
    _check_size(len(data), path, max_bytes)
    if not data.strip():
        raise InputError(path, "file is empty")
    _check_magic(data, path)
    kind = _kind_for(path, data)
    if kind == "email":
        return _from_email_bytes(data, path)
    text = _normalise(decode_text(data, path))
    if not text.strip():
        raise InputError(path, "file is empty")
    return _from_plain(text, path, kind)


def read_text(text: str, path: str = "<text>", kind: str = "text") -> Message:
    """Read an editor buffer, even an empty one; kind "email": headers, a blank line, the body."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    text = _normalise(text)
    if kind == "email":
        return _from_mail_buffer(text, path)
    return _from_plain(text, path, kind)


def decode_text(data: bytes, path: str) -> str:
    """Decode a text file's bytes, or raise InputError saying which encoding failed.

    A BOM decides (UTF-8, UTF-16, UTF-32). Without one, the bytes must be UTF-8, with a single
    fallback: bytes that are not UTF-8 are read as Windows-1252 (a superset of Latin-1's printable
    characters, what old Windows editors save) only when they hold no C0 control characters besides
    tab, newline, carriage return, form feed and vertical tab. Control characters mean the bytes are
    more likely binary or another encoding, and a wrong guess would silently garble names.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, path, encoding)
    if b"\x00" in data:
        raise InputError(path, "looks like a binary file (it contains NUL bytes); if it is UTF-16 "
                               "text, save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _decode_cp1252(data, path, exc)
    _check_mostly_text(text, path)
    return text


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    """Every `<!-- intro-lint: ignore[rule, ...] reason -->` comment; ("*",) stands for all rules."""
    found = []
    for match in _SUPPRESSION.finditer(text):
        rules = match.group("rules")
        names = ("*",) if rules is None else tuple(r.strip() for r in rules.split(",") if r.strip())
        if "*" in names:
            names = ("*",)
        span = Span(start=match.start(), end=match.end())
        found.append(Suppression(rules=names, reason=match.group("reason").strip(), span=span))
    return tuple(found)


# --- bytes: size, kind, encoding ---------------------------------------------------------------


def _read_file(path: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing directories and files over max_bytes before reading them."""
    try:
        if os.path.isdir(path):
            raise InputError(path, "is a directory, not a draft file")
        _check_size(os.stat(path).st_size, path, max_bytes)
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)  # +1: a FIFO or growing file still trips the limit
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror or exc}") from None


def _check_size(size: int, path: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes "
                               "(configurable via max-bytes)")


def _check_magic(data: bytes, path: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, f"looks like {what}, not a text or email draft")


def _kind_for(path: str, data: bytes) -> str:
    lower = path.lower()
    if lower.endswith(EMAIL_SUFFIXES):
        return "email"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if path == "-" and _looks_like_email(data):
        return "email"
    return "text"


def _looks_like_email(data: bytes) -> bool:
    """RFC 5322 header lines (two or more, one a well-known name) then a blank line.

    A lone "Subject: ..." line is not enough: a text draft may open that way (see _subject_of).
    """
    lines = data[:16384].decode("latin-1").replace("\r\n", "\n").split("\n")
    if lines and _MBOX_FROM.fullmatch(lines[0]):
        lines = lines[1:]
    names = []
    for line in lines:
        if not line:
            return len(names) >= 2 and any(name in _SNIFF_NAMES for name in names)
        if not _HEADER_LINE.fullmatch(line) or (not names and line[0] in " \t"):
            return False
        if line[0] not in " \t":
            names.append(line.split(":", 1)[0].lower())
    return False


def _decode_with_bom(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
        raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name}") from None


def _decode_cp1252(data: bytes, path: str, exc: UnicodeDecodeError) -> str:
    where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    if any(chr(b) not in _ALLOWED_CONTROLS for b in data if b < 0x20):
        raise InputError(path, f"is not valid UTF-8 ({where}) and holds control characters, so it "
                               "is not Windows-1252/Latin-1 text either; save it as UTF-8")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        problem = f"is not valid UTF-8 ({where}) nor Windows-1252; save it as UTF-8"
        raise InputError(path, problem) from None


def _check_mostly_text(text: str, path: str) -> None:
    """Refuse text in which more than 5% of the characters are control characters."""
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if controls > len(text) * 0.05:
        raise InputError(path, "looks like a binary file (mostly control characters), not a text draft")


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- text and Markdown ---------------------------------------------------------------------------


def _from_plain(text: str, path: str, kind: str) -> Message:
    """A text or Markdown draft: the whole text, a "Subject:" first line, the body after it."""
    subject, start = _subject_of(text)
    parts = split(text, start, quote_tail=kind != "markdown")
    return Message(path=path, kind=kind, text=text, body=parts.body, subject=subject,
                   quoted=parts.quoted, signature=parts.signature, suppressions=find_suppressions(text))


def _subject_of(text: str) -> tuple[str | None, int]:
    """A first line "Subject: ..." followed by a blank line is the subject; the body starts after."""
    match = _SUBJECT_LINE.match(text)
    if match is None:
        return None, 0
    return match.group("subject").strip(), match.end()


# --- editor mail buffers -------------------------------------------------------------------------


def _from_mail_buffer(text: str, path: str) -> Message:
    """A mail client's compose buffer: headers are read, not linted; offsets match the editor."""
    headers, start = _buffer_headers(text)
    parts = split(text, start)
    return Message(path=path, kind="email", text=text, body=parts.body, subject=headers.get("Subject"),
                   headers=headers, quoted=parts.quoted, signature=parts.signature,
                   suppressions=find_suppressions(text))


def _buffer_headers(text: str) -> tuple[dict[str, str], int]:
    """The header block's chosen headers and where the body starts; none if it opens with no headers."""
    end = text.find("\n\n")
    block = text if end == -1 else text[:end]
    lines = block.split("\n")
    if not block or lines[0][:1] in (" ", "\t") or not all(_HEADER_LINE.fullmatch(x) for x in lines):
        return {}, 0
    try:
        parsed = HeaderParser(policy=policy.default).parsestr(block + "\n\n")
        return _headers(parsed), len(text) if end == -1 else end + 2
    except Exception:  # the stdlib header parser has known crashes on odd input; keep the body
        return {}, 0


# --- .eml files ----------------------------------------------------------------------------------


def _from_email_bytes(data: bytes, path: str) -> Message:
    """A saved email: the decoded body of the newest message, its headers and real attachments."""
    try:
        msg = _parse_email(data, path)
        text = _normalise(_body_text(msg, path))
        headers, attachments = _headers(msg), _attachments(msg)
    except InputError:
        raise
    except Exception as exc:  # the stdlib email package raises many kinds of errors on bad MIME
        detail = " ".join(str(exc).split())  # one line, whatever the stdlib said
        raise InputError(path, f"malformed MIME message ({type(exc).__name__}: {detail})") from None
    if not text.strip():
        raise InputError(path, "the message body is empty")
    parts = split(text)
    return Message(path=path, kind="email", text=text, body=parts.body, subject=headers.get("Subject"),
                   headers=headers, attachments=attachments, quoted=parts.quoted,
                   signature=parts.signature, suppressions=find_suppressions(text))


def _parse_email(data: bytes, path: str) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not list(msg.keys()):
        raise InputError(path, "does not look like an email message (it does not start with headers)")
    _check_defects(msg, path)
    return msg


def _check_defects(part: EmailMessage, path: str) -> None:
    """Refuse a broken MIME structure; a forwarded message/rfc822 part is not looked into."""
    for defect in part.defects:
        problem = _FATAL_DEFECTS.get(type(defect).__name__)
        if problem:
            raise InputError(path, f"malformed MIME message: {problem} ({part.get_content_type()})")
    if part.get_content_maintype() == "multipart" and part.is_multipart():
        for sub in part.iter_parts():
            _check_defects(sub, path)


def _body_text(msg: EmailMessage, path: str) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError(path, "malformed MIME message: no text/plain or text/html body part")
    text = _part_text(part, path)
    return html_to_text(text) if part.get_content_subtype() == "html" else text


def _part_text(part: EmailMessage, path: str) -> str:
    """A text part's payload, transfer-decoded and charset-decoded strictly.

    One leniency: a part that declares no charset (or us-ascii) but holds valid UTF-8 is read as
    UTF-8, as every mail reader does.
    """
    payload = part.get_payload(decode=True) or b""
    _check_defects(part, path)
    declared = part.get_content_charset()
    what = f"the {part.get_content_type()} part"
    try:
        return payload.decode(declared or "us-ascii")
    except LookupError:
        raise InputError(path, f"{what} declares an unknown charset {declared!r}") from None
    except UnicodeDecodeError:
        if declared in (None, "us-ascii", "ascii"):
            return _decode_undeclared(payload, path, what, declared)
        raise InputError(path, f"{what} is not valid {declared} (its declared charset)") from None


def _decode_undeclared(payload: bytes, path: str, what: str, declared: str | None) -> str:
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        said = "declares no charset" if declared is None else f"declares {declared}"
        raise InputError(path, f"{what} {said} but holds other bytes, and is not UTF-8 either") from None


def _headers(msg: EmailMessage) -> dict[str, str]:
    """The chosen headers present, decoded (RFC 2047 words) and unfolded."""
    return {name: str(msg[name]) for name in HEADER_NAMES if msg[name] is not None}


def _attachments(msg: EmailMessage) -> tuple[Attachment, ...]:
    """Real attachments; inline images the HTML shows (cid: logos) are not."""
    cids = _referenced_cids(msg)
    return tuple(_attachment(part) for part in _attachment_parts(msg) if _content_id(part) not in cids)


def _attachment_parts(part: EmailMessage) -> list[EmailMessage]:
    """iter_attachments(), descending into nested multiparts (not into forwarded messages)."""
    found = []
    for sub in part.iter_attachments():
        nested = sub.get_content_maintype() == "multipart"
        found.extend(_attachment_parts(sub) if nested else [sub])
    return found


def _referenced_cids(msg: EmailMessage) -> set[str]:
    html = msg.get_body(preferencelist=("html",))
    if html is None:
        return set()
    raw = (html.get_payload(decode=True) or b"").decode("latin-1")
    return {cid.lower() for cid in re.findall(r"""cid:([^"'\s)>]+)""", raw, re.I)}


def _content_id(part: EmailMessage) -> str | None:
    value = part.get("Content-ID")
    return str(value).strip().strip("<>").lower() if value else None


def _attachment(part: EmailMessage) -> Attachment:
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        return _forwarded_attachment(part)
    payload = part.get_payload(decode=True) or b""
    name = part.get_filename() or "attachment" + (mimetypes.guess_extension(content_type) or "")
    return Attachment(filename=name, content_type=content_type, size=len(payload))


def _forwarded_attachment(part: EmailMessage) -> Attachment:
    """A forwarded message/rfc822 part, named after its subject."""
    inner = part.get_payload(0)
    subject = str(inner["Subject"] or "").strip() or "forwarded message"
    name = part.get_filename() or f"{subject}.eml"
    return Attachment(filename=name, content_type="message/rfc822", size=len(inner.as_bytes()))


# --- HTML to text --------------------------------------------------------------------------------

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
            out.append(comment if _SUPPRESSION.match(comment) else "")
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
