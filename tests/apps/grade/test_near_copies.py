"""Copy-paste detection: a template sent to many readers is one group; distinct drafts are not."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from intro_lint.apps.grade.near_copies import find_groups, membership, shingles, words
from intro_lint.apps.grade.values import DuplicateGroup

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

TEMPLATE = """Hi {name},

I hope you are doing well. I'm reaching out because I saw that you work at {company}, and I am
looking for my next role in product management after eight years building logistics software.
Would you be open to a fifteen-minute call next week so I can learn how the team at {company}
thinks about hiring? I can send my resume ahead of time if that helps.

Thanks so much,
{sender}
"""

OTHER_TEMPLATE = """Dear {name},

Quick one: our seed round for a warehouse robotics startup closes in three weeks and we still
have room for two angels. You backed {company} early, so I thought this might interest you.
The deck is attached; happy to walk you through the numbers over coffee whenever suits.

Cheers,
{sender}
"""

PEOPLE = [
    ("Priya", "Stripe", "Sam"),
    ("Marcus", "Acme Robotics", "Sam Lee"),
    ("Elena", "Globex", "Sam"),
    ("Dr. Okonkwo", "McKinsey & Company", "Samuel"),
    ("José", "Initech", "Sam"),
]


def template_copies(template: str, prefix: str) -> dict[str, str]:
    return {
        f"{prefix}-{i}": template.format(name=n, company=c, sender=s)
        for i, (n, c, s) in enumerate(PEOPLE)
    }


def distinct_drafts() -> dict[str, str]:
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.md"))
        if p.name != "README.md"
    }


def test_template_copies_with_different_names_and_companies_are_one_group():
    texts = template_copies(TEMPLATE, "blast")
    groups = find_groups(texts)
    assert groups == [DuplicateGroup(group=1, ids=tuple(texts), similarity=groups[0].similarity)]
    assert 0.8 <= groups[0].similarity <= 1.0


def test_distinct_drafts_are_not_grouped():
    texts = distinct_drafts()
    assert len(texts) >= 5
    assert find_groups(texts) == []


def test_groups_are_numbered_by_their_first_member_in_input_order():
    texts = distinct_drafts()
    first = template_copies(OTHER_TEMPLATE, "deck")
    second = template_copies(TEMPLATE, "job")
    mixed: dict[str, str] = {}
    # interleave: one distinct draft, then a copy of each template, so ids are scattered
    distinct = list(texts.items())
    for i in range(len(PEOPLE)):
        if i < len(distinct):
            mixed[distinct[i][0]] = distinct[i][1]
        mixed[f"deck-{i}"] = first[f"deck-{i}"]
        mixed[f"job-{i}"] = second[f"job-{i}"]
    groups = find_groups(mixed)
    assert [g.group for g in groups] == [1, 2]
    assert groups[0].ids == tuple(f"deck-{i}" for i in range(len(PEOPLE)))
    assert groups[1].ids == tuple(f"job-{i}" for i in range(len(PEOPLE)))
    assert membership(groups) == {
        **{f"deck-{i}": 1 for i in range(5)},
        **{f"job-{i}": 2 for i in range(5)},
    }


def test_exact_copies_have_similarity_one_and_input_order_is_kept():
    text = (EXAMPLES / "anyone-hiring-blast.txt").read_text(encoding="utf-8")
    texts = {
        "z": text,
        "a": "Hi Bob,\n\nCompletely different words about a coffee chat on Tuesday, thanks.",
        "m": text,
    }
    assert find_groups(texts) == [DuplicateGroup(group=1, ids=("z", "m"), similarity=1.0)]


def test_a_draft_with_a_new_paragraph_is_no_longer_a_copy():
    base = TEMPLATE.format(name="Priya", company="Stripe", sender="Sam")
    personal = base.replace(
        "Thanks so much,",
        "Your talk on pricing experiments at the fintech meetup changed how I think about "
        "onboarding,\n"
        "and the way you described killing your own favourite feature after two weeks of "
        "data stuck\n"
        "with me. I would really value your honest take on whether my background fits a PM team\n"
        "like yours, and what you would want to see from someone coming from operations.\n\n"
        "Thanks so much,",
    )
    assert find_groups({"a": base, "b": personal}) == []


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "Hi", "Hi Bob,", "ok thanks", "<script>", "🙂🙂🙂", "Hi Bob,\n\nThanks!"],
)
def test_empty_and_short_texts_do_not_crash_and_are_never_grouped(text):
    texts = {"a": text, "b": text, "c": text}
    assert find_groups(texts) == []
    assert shingles(text) == set()


def test_no_or_one_draft():
    assert find_groups({}) == []
    assert find_groups({"only": TEMPLATE.format(name="A", company="B", sender="C")}) == []


def test_normalisation_drops_the_greeting_and_masks_names():
    a = words("Hi Priya,\n\nI saw your post about Stripe in 2024.")
    b = words("Hello Dr. Marcus Okonkwo!\nI saw your post about Globex in 2019.")
    assert a == b
    assert "priya" not in a


def test_header_lines_and_the_greeting_after_them_are_dropped():
    a = words(
        "Subject: Coffee with Priya?\nTo: priya@stripe.example\n\nHi Priya,\n\n"
        "Would you have time for coffee?"
    )
    b = words(
        "Subject: Coffee with Marcus?\n\nDear Marcus Okonkwo,\nWould you have time for coffee?"
    )
    assert a == b == ["§", "you", "have", "time", "for", "coffee"]  # capitalised words are masked


def test_shouted_drafts_keep_their_words():
    a = "PLEASE HELP ME FIND A JOB IN MARKETING OR SALES ANYWHERE IN THE COUNTRY THANK YOU"
    b = "WE ARE HOSTING A DINNER FOR FOUNDERS NEXT THURSDAY AND WOULD LOVE FOR YOU TO COME ALONG"
    assert find_groups({"a": a, "b": b}) == []


def test_threshold_is_validated_and_respected():
    with pytest.raises(ValueError):
        find_groups({}, threshold=0)
    with pytest.raises(ValueError):
        find_groups({}, threshold=1.5)
    texts = template_copies(TEMPLATE, "t")
    assert len(find_groups(texts, threshold=0.5)) == 1
    assert find_groups({"a": TEMPLATE, "b": TEMPLATE}, threshold=1.0)[0].similarity == 1.0


def test_many_drafts_with_a_hidden_blast():
    """2,000 drafts (LSH, not all pairs): the 40 template copies are found and nothing else."""
    rng = random.Random(7)
    vocab = sorted(
        {w.lower() for p in EXAMPLES.glob("*.txt") for w in words(p.read_text(encoding="utf-8"))}
        - {"§", "#"}
    )
    texts = {}
    for i in range(2000):
        if i % 50 == 3:
            name, company, sender = PEOPLE[rng.randrange(len(PEOPLE))]
            texts[f"d{i}"] = TEMPLATE.format(name=name, company=company, sender=sender)
        else:
            texts[f"d{i}"] = "Hi there,\n" + " ".join(
                rng.choice(vocab) for _ in range(rng.randint(40, 160))
            )
    groups = find_groups(texts)
    assert len(groups) == 1
    assert groups[0].ids == tuple(f"d{i}" for i in range(2000) if i % 50 == 3)


def test_a_big_blast_of_varied_copies_is_one_group():
    """1,500 copies, each with its own two-word touch: one group, without k^2 candidate checks."""
    rng = random.Random(3)
    touches = [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "kappa",
        "sigma",
        "omega",
        "zeta",
        "theta",
        "lambda",
    ]
    texts = {
        f"v{i}": TEMPLATE.format(name="Priya", company="Stripe", sender="Sam")
        + " ".join(f"{rng.choice(touches)}x{rng.randrange(40)}" for _ in range(2))
        for i in range(1500)
    }
    groups = find_groups(texts)
    assert len(groups) == 1 and groups[0].ids == tuple(texts)
    assert 0.6 < groups[0].similarity < 1.0
