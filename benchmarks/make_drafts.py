"""Generate synthetic, varied networking drafts for benchmarking (stdlib only).

    python benchmarks/make_drafts.py OUT_DIR [-n 600] [--seed 0] [--eml 0]

Each draft (~100-250 words) is assembled from templates: a greeting, a few context sentences, one
or more asks, an optional offer, an optional closing line and a sign-off, filled with names,
companies, roles and topics drawn from small lists by a seeded RNG. The same (n, seed, eml) always
writes the same files. Drafts mix good habits (specific ask, forwardable blurb, an offer) with the
weak ones the rules look for (vague asks, "pick your brain", long silences, placeholders), so the
rules do real work.

Files are named draft-0001.txt ... (and draft-0001.eml ... for the --eml ones); stale draft-*.txt
and draft-*.eml files already in OUT_DIR are removed first so a folder never mixes two runs.
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

FIRST = [
    "Bob",
    "Priya",
    "Malik",
    "Ines",
    "Hannah",
    "Jeff",
    "Becky",
    "Tomás",
    "Aiko",
    "Wei",
    "Fatima",
    "Daniel",
    "Chloé",
    "Oluwaseun",
    "Marta",
    "Sanjay",
    "Grace",
    "Lars",
    "Amara",
    "Kenji",
    "Rosa",
    "Elliot",
    "Nadia",
    "Yusuf",
]
LAST = [
    "Chen",
    "Natarajan",
    "Osei",
    "Alvarez",
    "Morgan",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Rossi",
    "Haddad",
    "Kowalski",
    "Nguyen",
    "Silva",
    "Brennan",
    "Fischer",
    "Mensah",
    "Park",
    "Dubois",
]
COMPANIES = [
    "Harborline Health",
    "Fernway",
    "Routewise",
    "Lumen Health",
    "Corvid Diagnostics",
    "Brightfold",
    "Quarry Labs",
    "Tidewater Analytics",
    "Northbeam",
    "Copperleaf Energy",
    "Saltmarsh Capital",
    "Kestrel Robotics",
    "Meridian Foods",
    "Pinecrest Bank",
    "Auralis",
    "Bluegate Logistics",
    "Oakridge Ventures",
    "Vantage Clinics",
]
ROLES = [
    "VP of Finance",
    "head of data",
    "product manager",
    "staff engineer",
    "controller",
    "design lead",
    "head of partnerships",
    "operations lead",
    "CFO",
    "security architect",
    "growth marketer",
    "recruiting lead",
    "general counsel",
    "customer success director",
]
TOPICS = [
    "routing",
    "pricing",
    "clinic expansion",
    "fraud detection",
    "supply planning",
    "onboarding",
    "hiring in Europe",
    "SOC 2",
    "usage-based billing",
    "demand forecasting",
    "a Series A raise",
    "churn",
    "warehouse automation",
    "payer contracts",
]
CITIES = [
    "Denver",
    "Lisbon",
    "Toronto",
    "Austin",
    "Berlin",
    "Singapore",
    "Nairobi",
    "Chicago",
    "Leeds",
]
MONTHS = ["January", "March", "May", "June", "September", "October", "November"]
RESOURCES = [
    "a pricing benchmark",
    "our hiring scorecard",
    "a short list of fractional CFOs",
    "the freight-rates dataset",
    "notes from a SOC 2 audit",
    "a churn model template",
    "two warm leads for your pilot",
    "a deck review",
]

GREETINGS = [
    "Hi {reader},",
    "Hey {reader},",
    "Hello {reader},",
    "Dear {reader},",
    "{reader},",
    "Good morning {reader},",
    "Hi {reader} -",
    "Dear friends and colleagues,",
]
CONTEXT = [
    "Congratulations on {company}'s new round; the announcement about {topic} was the clearest "
    "I've read.",
    "It's been a while since we last caught up in {city}.",
    "I hope things are going well at {company}.",
    "I saw your post about {topic} and it changed how I think about the problem.",
    "We met at the {topic} meetup in {city} last {month}, when you spoke about your first year at "
    "{company}.",
    "I know it's been too long since our last coffee; that one is on me.",
    "Sorry for the long silence, I've been heads down since {month}.",
    "I'm reaching out because I was recently laid off from {company} and I'm exploring what comes "
    "next.",
    "{candidate} and I worked together at {company2} for three years, where {pronoun} led {topic}.",
    "{candidate} is currently {role2} at {company2}, where {pronoun} cut the monthly close from "
    "12 days to 5.",
    "Your team at {company} is opening an office in {city}, which is exactly where {candidate} is "
    "based.",
    "I've been following {company}'s work on {topic} since the pilot last {month}.",
    "I'm working on a startup in {topic} and we're about to start a seed raise.",
    "Our team has spent the last year on {topic}, and we now have four paying customers.",
    "A mutual friend, {mutual}, suggested I write to you.",
    "I know you get a lot of these notes, so I'll keep this one short.",
    "I'm really passionate about {topic} and I'd take pretty much any role in the space.",
    "{company} posted a {role} opening last week, and I think it fits {candidate} closely.",
]
ASKS = [
    "Would you be willing to introduce me to {target}, the {role} at {company}?",
    "Do you know anyone who might be hiring, or what companies might be good for me to look into?",
    "Could I pick your brain over coffee sometime?",
    "Would you be open to a 20-minute call next week about how {company} approached {topic}?",
    "Would you forward the note below to {target}? It is written to be forwarded as is.",
    "Any intros would help.",
    "Would you like an intro to {candidate}? If you're open to it, reply \"yes\" and I'll connect "
    "you both.",
    "Could you tell me whether {company} is hiring a {role} in {city} this quarter?",
    "Let me know if you know anyone at [Company] in the [Department] team.",
    "I'd be grateful for an introduction to someone on the {topic} team at {company}.",
    "Would you be willing to be a reference for {candidate} for the {role} role at {company} by "
    "{month} 15?",
    "If you think of anyone, please let me know.",
    "Would you be up for reviewing our deck before we send it to {target}? The deck is attached.",
]
BLURBS = [
    "Note for {target}: {candidate} is {role2} at {company2}, where {pronoun} built the planning "
    "model behind a $120M round. {Pronoun} is applying for the {role} role and would value 20 "
    "minutes to learn what the first year needs to deliver.",
    "Short blurb you can forward: {candidate} ran {topic} at {company2} from 12 people to 80 and "
    "now advises early-stage teams in {city}.",
]
OFFERS = [
    "In return, I'd be glad to introduce you to {mutual}, who has solved {topic} twice.",
    "Also, {resource} I promised you in {month} is ready; happy to walk you through it.",
    "If it helps, I can send you {resource} this week.",
    "Happy to return the favour any time; you mentioned you're hiring a {role}.",
    "I've attached my resume for context.",
]
CLOSINGS = [
    "No pressure at all, and an easy no if it isn't a fit.",
    "Thanks so much in advance for your help!",
    "I know you're busy, so no worries if not.",
    "Looking forward to hearing from you.",
    "Either way, congratulations again on {topic}.",
]
SIGNOFFS = [
    "Thanks,",
    "Best,",
    "Cheers,",
    "Best regards,",
    "Warmly,",
    "Many thanks,",
    "Thank you,",
    "All the best,",
]


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _slots(rng: random.Random) -> dict[str, str]:
    names = rng.sample(FIRST, 4)
    she = rng.random() < 0.5
    company, company2 = rng.sample(COMPANIES, 2)
    role, role2 = rng.sample(ROLES, 2)
    return {
        "reader": names[0],
        "sender": names[1],
        "candidate": f"{names[2]} {rng.choice(LAST)}",
        "target": f"{names[3]} {rng.choice(LAST)}",
        "mutual": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "company": company,
        "company2": company2,
        "role": role,
        "role2": role2,
        "topic": rng.choice(TOPICS),
        "city": rng.choice(CITIES),
        "month": rng.choice(MONTHS),
        "resource": rng.choice(RESOURCES),
        "pronoun": "she" if she else "he",
        "Pronoun": "She" if she else "He",
    }


def _words(parts: list[str]) -> int:
    return sum(len(p.split()) for p in parts)


def make_draft(rng: random.Random) -> tuple[dict[str, str], str]:
    """One draft's slots and text (~100-250 words), drawn from rng."""
    s = _slots(rng)
    target_words = rng.randint(100, 250)
    greeting = _fill(rng.choice(GREETINGS), s)
    context_pool = rng.sample(CONTEXT, len(CONTEXT))
    asks = [_fill(a, s) for a in rng.sample(ASKS, rng.choice((1, 1, 2)))]
    blurb = [_fill(rng.choice(BLURBS), s)] if rng.random() < 0.3 else []
    offer = [_fill(rng.choice(OFFERS), s)] if rng.random() < 0.5 else []
    closing = [_fill(rng.choice(CLOSINGS), s)] if rng.random() < 0.7 else []
    sign = [rng.choice(SIGNOFFS), s["sender"]]

    context: list[str] = []
    fixed = asks + blurb + offer + closing
    overhead = _words([greeting, *sign])
    while context_pool and _words(context + fixed) + overhead < target_words:
        sentence = _fill(context_pool.pop(), s)
        if _words(context + fixed + [sentence]) + overhead <= 250:  # stay in ~100-250 words
            context.append(sentence)
    # Paragraphs: context in one or two, then the ask, the blurb, the offer and closing lines.
    paragraphs = []
    if len(context) > 2 and rng.random() < 0.6:
        cut = rng.randint(1, len(context) - 1)
        paragraphs += [" ".join(context[:cut]), " ".join(context[cut:])]
    elif context:
        paragraphs.append(" ".join(context))
    paragraphs.append(" ".join(asks))
    paragraphs += blurb
    if offer or closing:
        paragraphs.append(" ".join(offer + closing))
    text = greeting + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(sign) + "\n"
    return s, text


def make_eml(s: dict[str, str], text: str, index: int, seed: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{s['sender']} <{s['sender'].lower()}@example.com>"
    msg["To"] = f"{s['reader']} <{s['reader'].lower()}@example.org>"
    msg["Subject"] = f"Quick question about {s['topic']} at {s['company']}"
    msg["Date"] = format_datetime(datetime(2026, 1, 5, 9, 0, tzinfo=UTC) + timedelta(hours=index))
    msg["Message-ID"] = f"<bench-{seed}-{index}@example.com>"
    msg.set_content(text)
    return bytes(msg)


def generate(out_dir: str | Path, n: int = 600, seed: int = 0, eml: int = 0) -> list[Path]:
    """Write n .txt drafts (and `eml` .eml ones) into out_dir; return the .txt paths in order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("draft-*.txt"), *out.glob("draft-*.eml")]:
        stale.unlink()
    rng = random.Random(seed)
    paths = []
    for i in range(1, n + 1):
        _, text = make_draft(rng)
        path = out / f"draft-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for i in range(1, eml + 1):
        s, text = make_draft(rng)
        (out / f"draft-{i:04d}.eml").write_bytes(make_eml(s, text, i, seed))
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("-n", type=int, default=600, help="number of .txt drafts [600]")
    ap.add_argument("--seed", type=int, default=0, help="RNG seed [0]")
    ap.add_argument("--eml", type=int, default=0, help="also write this many .eml drafts [0]")
    args = ap.parse_args(argv)
    paths = generate(args.out_dir, args.n, args.seed, args.eml)
    words = [len(p.read_text(encoding="utf-8").split()) for p in paths]
    if words:
        print(
            f"wrote {len(paths)} .txt drafts (+{args.eml} .eml) to {args.out_dir}; "
            f"words min {min(words)} / median {sorted(words)[len(words) // 2]} / max {max(words)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
