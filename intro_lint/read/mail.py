"""Parse a saved email's bytes with the stdlib email package: body text, headers, attachments."""

from __future__ import annotations

import mimetypes
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import NamedTuple

from intro_lint.errors import InputError
from intro_lint.model import Attachment
from intro_lint.read.htmltext import html_to_text

HEADER_NAMES = ("From", "To", "Cc", "Subject", "Date", "Message-ID")
NAME_IN_HEADER = re.compile(r'^\s*"?([^"<@]+?)"?\s*<')

# Defects after which the stdlib's view of a MIME structure cannot be trusted. A missing closing
# boundary is not among them: truncated but otherwise fine mail is common and parses well.
_FATAL_DEFECTS = {
    "NoBoundaryInMultipartDefect": "a multipart part has no boundary",
    "StartBoundaryNotFoundDefect": "a multipart boundary never appears in its body",
    "MultipartInvariantViolationDefect": "a multipart part holds no parts",
    "InvalidBase64LengthDefect": "base64 content is truncated or corrupt",
}


class ParsedEmail(NamedTuple):
    """The newest message's body text (newlines not yet normalised), its headers and attachments."""

    text: str
    headers: dict[str, str]
    attachments: tuple[Attachment, ...]


def parse_email(data: bytes, path: str) -> ParsedEmail:
    """A saved email's parts, or InputError for anything the stdlib cannot make sense of."""
    try:
        msg = _parse(data, path)
        text = _body_text(msg, path)
        return ParsedEmail(text, headers_of(msg), _attachments(msg))
    except InputError:
        raise
    except Exception as exc:  # the stdlib email package raises many kinds of errors on bad MIME
        detail = " ".join(str(exc).split())  # one line, whatever the stdlib said
        raise InputError(path, f"malformed MIME message ({type(exc).__name__}: {detail})") from None


def headers_of(msg: EmailMessage) -> dict[str, str]:
    """The chosen headers present, decoded (RFC 2047 words) and unfolded."""
    return {name: str(msg[name]) for name in HEADER_NAMES if msg[name] is not None}


def header_name(value: str | None) -> str | None:
    """The first name in an address header's display name: '"Ana Ruiz" <ana@x.org>' -> 'Ana'."""
    m = NAME_IN_HEADER.match(value or "")
    return m.group(1).split()[0] if m else None


def _parse(data: bytes, path: str) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not list(msg.keys()):
        raise InputError(
            path, "does not look like an email message (it does not start with headers)"
        )
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
        raise InputError(
            path, f"{what} {said} but holds other bytes, and is not UTF-8 either"
        ) from None


def _attachments(msg: EmailMessage) -> tuple[Attachment, ...]:
    """Real attachments; inline images the HTML shows (cid: logos) are not."""
    cids = _referenced_cids(msg)
    return tuple(
        _attachment(part) for part in _attachment_parts(msg) if _content_id(part) not in cids
    )


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
