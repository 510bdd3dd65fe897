"""Write the example .eml drafts (stdlib only, deterministic): python examples/make_examples.py."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
EASTERN = timezone(timedelta(hours=-5))
# A 1x1 PNG, standing in for a company logo.
LOGO_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)


# --- a tiny hand-written PDF 1.4 ------------------------------------------------------------------


def pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_page_stream(lines: list[tuple[int, str]]) -> bytes:
    """Text lines (font size, text) set in Helvetica from the top-left margin of a Letter page."""
    ops = ["BT", "72 720 Td"]
    for size, text in lines:
        ops += [f"/F1 {size} Tf", f"0 -{size + 6} Td", f"({pdf_escape(text)}) Tj"]
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def make_pdf(lines: list[tuple[int, str]]) -> bytes:
    """A one-page PDF: catalog, pages, page, content stream, font, xref table and trailer."""
    stream = pdf_page_stream(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


BECKY_RESUME = [
    (18, "Becky Alvarez"),
    (11, "Finance executive | Boston, MA | becky.alvarez@example.net"),
    (13, "Experience"),
    (11, "Lumen Health - Senior Director, FP&A (2021-present)"),
    (
        11,
        "  Built the planning model behind a $120M Series D; cut the monthly close from 12 to "
        "5 days.",
    ),
    (11, "  Led audit readiness and a $14M cost program across 6 clinics."),
    (11, "Corvid Diagnostics - Director of Finance (2017-2021)"),
    (11, "  Ran finance for the lab business through two acquisitions."),
    (13, "Education"),
    (11, "MBA, Boston University; CPA (Massachusetts)"),
]
JOB_DESCRIPTION = [
    (16, "Senior Data Analyst, Care Operations - Harborline Health"),
    (11, "Reports to: Director of Analytics"),
    (11, "Owns staffing forecasts and the clinic-utilisation dashboard."),
    (11, "References: one former manager who saw analytics work shipped."),
]


# --- messages -------------------------------------------------------------------------------------


def new_message(sender: str, to: str, subject: str, day: int, msg_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 1, day, 9, 30, tzinfo=EASTERN))
    msg["Message-ID"] = f"<{msg_id}@example.com>"
    return msg


JEFF_REWRITE = """\
Hi Bob,

Congratulations on Fernway's Series C, and on finally opening the Denver office you'd been talking \
about for years. I know it's been too long since our last coffee; that one is on me.

A concrete ask, and an easy no if it isn't a fit: I saw on LinkedIn that you know Priya Natarajan, \
the CFO at Harborline Health. Harborline posted a VP of Finance role last week \
(https://example.org/harborline/vp-finance), and my former colleague Becky Alvarez fits it \
closely. Would you be willing to forward the note below to Priya? Becky's resume is attached.

Note for Priya, written to be forwarded as is:

Becky Alvarez is Senior Director of FP&A at Lumen Health, where she built the planning model \
behind its $120M Series D and cut the monthly close from 12 days to 5. Before that she ran finance \
at Corvid Diagnostics through two acquisitions. She is applying for Harborline's VP of Finance \
role and would value 20 minutes with Priya to learn what the first year in the role needs to \
deliver. Harborline is opening new clinics this year, and Becky has led finance through exactly \
that kind of multi-site expansion at Lumen. Her resume is attached.

In return, and regardless of Priya: you mentioned you're hiring a controller for Denver. Two of \
the best controllers I've worked with are based in Colorado, and I'd be glad to introduce you to \
either of them this week.

Thanks, Bob, and congratulations again.

Jeff
"""

INVESTOR_ASK = """\
Hi Rachel,

Hope all is well! We're raising our seed round for Tallyfold and things are moving fast, so I \
wanted to reach out.

I've attached our deck. Would you be able to intro us to any investors you know who might be \
interested? Anyone in fintech or SaaS would be great, or really anyone who writes seed checks.

Let me know!

Omar
"""

REFERENCE_REQUEST = """\
Hi Ana,

I hope the billing launch went well; I saw the release notes last week and the new invoice view \
looks great.

I'm a finalist for the Senior Data Analyst role at Harborline Health, and they've asked for one \
reference from a former manager. Would you be willing to be that reference? Their recruiter, Lena \
Park, would call you for about 15 minutes sometime between January 20 and 23.

If you say yes, the most useful things to speak to are the staffing forecast we built for the \
clinics in 2024 and how I handled the data migration when the vendor changed. The job description \
is attached, and I'll send you a one-page summary of both projects so you don't have to dig for \
details.

If the timing is bad, just say so and I'll ask someone else; no explanation needed. And if you're \
still looking for a SQL reviewer for the new analysts, I'm happy to help with that this month.

Thank you,
Marcus
"""

HTML_INTRO = """\
<html><head><style>p { margin: 0 0 12px 0; font-family: Arial; }</style></head>
<body>
<p>Hi Sam,</p>
<p>Congrats on the Northwind launch &mdash; \
the new pricing page is the clearest in the category.</p>
<p>You mentioned that Lee Aguilar runs warehouse operations at Harbor&nbsp;&amp;&nbsp;Co. \
We help mid-size
3PLs cut mis-picks with a scanner add-on, and Harbor&nbsp;&amp;&nbsp;Co is on three of our \
customers' shortlists.
Would you be open to forwarding the two lines below to Lee?</p>
<blockquote><i>\
Dana Okafor runs Pickright, which cut mis-picks by 38% at Ferro Logistics in six weeks.
She'd like 20 minutes with Lee to see whether a pilot at the Tacoma warehouse \
makes sense. One-pager:
<a href="https://example.org/pickright-one-pager">example.org/pickright-one-pager</a></i></blockquote>
<p>And if the Northwind team ever wants a warehouse tour for the launch video, \
our Tacoma customer has offered one.</p>
<p>Thanks,<br>Dana</p>
<p><img src="cid:logo@pickright.example" alt="Pickright" width="96"></p>
</body></html>
"""

# The signature delimiter is "-- " with its trailing space, written \x20 so it stays visible.
REPLY_WITH_HISTORY = """\
Hi Karen,

Great to hear from you too! Things have been crazy on my end. Actually, while I have you: I'm \
starting to look for my next thing, maybe product or maybe strategy, not totally sure yet. Any \
intros to people at your company or anywhere else would really help.

Thanks!
Leo

--\x20
Leo Brandt
leo.brandt@example.com | +1 555 0142

On Fri, Jan 9, 2026 at 4:12 PM Karen Liu <karen@example.org>
wrote:

> Hi Leo,
>
> Long time! I saw you moved back to Chicago. We should get lunch when I'm
> in town next month.
>
> Karen
"""


def rewrite() -> EmailMessage:
    msg = new_message(
        "Jeff Morgan <jeff@example.com>",
        "Bob Chen <bob@example.org>",
        "Congrats on the Series C, and one specific intro (VP of Finance at Harborline)",
        12,
        "jeff-becky-rewrite",
    )
    msg.set_content(JEFF_REWRITE)
    msg.add_attachment(
        make_pdf(BECKY_RESUME),
        maintype="application",
        subtype="pdf",
        filename="Becky-Alvarez-Resume.pdf",
    )
    return msg


def investor_deck_missing() -> EmailMessage:
    msg = new_message(
        "Omar Haddad <omar@example.com>",
        "Rachel Kim <rachel@example.org>",
        "Quick favor - seed round intros",
        13,
        "investor-deck-missing",
    )
    msg.set_content(INVESTOR_ASK)
    return msg


def reference_request() -> EmailMessage:
    msg = new_message(
        "Marcus Webb <marcus@example.com>",
        "Ana Silva <ana@example.org>",
        "Would you be a reference for the Harborline analyst role?",
        14,
        "reference-request",
    )
    msg.set_content(REFERENCE_REQUEST)
    msg.add_attachment(
        make_pdf(JOB_DESCRIPTION),
        maintype="application",
        subtype="pdf",
        filename="Harborline-Senior-Data-Analyst.pdf",
    )
    return msg


def html_only() -> EmailMessage:
    msg = new_message(
        "Dana Okafor <dana@example.com>",
        "Sam Reyes <sam@example.org>",
        "Intro to Lee Aguilar at Harbor & Co?",
        15,
        "html-only",
    )
    msg.set_content(HTML_INTRO, subtype="html")
    msg.add_related(
        LOGO_PNG, "image", "png", cid="<logo@pickright.example>", filename="pickright-logo.png"
    )
    return msg


def reply_with_history() -> EmailMessage:
    msg = new_message(
        "Leo Brandt <leo.brandt@example.com>",
        "Karen Liu <karen@example.org>",
        "Re: Long time!",
        16,
        "reply-with-history",
    )
    msg["In-Reply-To"] = "<karen-1@example.org>"
    msg.set_content(REPLY_WITH_HISTORY)
    return msg


def fix_boundaries(msg: EmailMessage, name: str) -> None:
    """Fixed MIME boundaries instead of random ones, so re-running gives identical files."""
    for number, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_{name}-{number}")


EXAMPLES = {
    "jeff-becky-rewrite": rewrite,
    "investor-deck-missing": investor_deck_missing,
    "reference-request": reference_request,
    "html-only": html_only,
    "reply-with-history": reply_with_history,
}


def main(out: Path = HERE) -> None:
    for name, build in EXAMPLES.items():
        msg = build()
        fix_boundaries(msg, name)
        (out / f"{name}.eml").write_bytes(msg.as_bytes())


if __name__ == "__main__":
    main()
