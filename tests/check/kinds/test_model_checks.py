"""Kind `model`: each of the eight checks fires, keeps quiet on a near miss, obeys its params."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from intro_lint.linter import Linter
from intro_lint.read.message import read_bytes, read_text
from intro_lint.settings.fields import Settings

VOLUNTEERS = """["i told (?:him|her) you'd be happy to \\\\w+"]"""  # TOML: \\w+
# rule id -> (severity, check, params as TOML values)
RULES = {
    "silence": ("info", "long-silence", {}),
    "vague": ("warning", "vague-ask", {}),
    "vague-strict": ("warning", "vague-ask", {"max_context_free_sentences": 0}),
    "materials": ("error", "no-attachment", {"purposes": '["job", "investor", "customer"]'}),
    "materials-investor": ("error", "no-attachment", {"purposes": '["investor"]'}),
    "forward": ("warning", "not-forwardable", {}),
    "giving": ("warning", "asks-without-giving", {}),
    "giving-volunteer": ("warning", "asks-without-giving", {"volunteers_reader": VOLUNTEERS}),
    "blast": ("warning", "generic-blast", {}),
    "blast-placeholder": ("warning", "generic-blast", {"placeholder": "'\\[[A-Z][a-z]+\\]'"}),
    "blast-mass": ("warning", "generic-blast", {"mass_phrases": '["people like you"]'}),
    "blast-reader": ("warning", "generic-blast", {"reader_reference": '["your talk"]'}),
    "burden": ("warning", "research-burden", {"open_sets": '["anyone who", "what companies"]'}),
    "burden-narrow": ("warning", "research-burden", {"open_sets": '["whoever"]'}),
    "selfish": ("warning", "self-centered", {}),
    "selfish-urgency": ("warning", "self-centered", {"urgency": '["asap"]'}),
    "selfish-desperation": ("warning", "self-centered", {"desperation": '["badly need"]'}),
    "selfish-fallback": ("warning", "self-centered", {"fallback": '["plan b"]'}),
    "selfish-both": (
        "warning",
        "self-centered",
        {"urgency": '["asap"]', "desperation": '["badly need"]'},
    ),
    "selfish-stack2": ("warning", "self-centered", {"stacked_asks": 2}),
    "selfish-stack4": ("warning", "self-centered", {"stacked_asks": 4}),
    "selfish-share": ("warning", "self-centered", {"self_focus": 0.9}),
    "selfish-min": ("warning", "self-centered", {"min_self_clauses": 7}),
}


def rule_file(rule_id: str, severity: str, check: str, params: dict) -> str:
    lines = [
        'kind = "model"',
        f'severity = "{severity}"',
        f'message = "{rule_id} fired"',
        'why = "A test rule."',
        'source = "tests"',
        "[params]",
        f'check = "{check}"',
    ]
    lines += [f"{key} = {value}" for key, value in params.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def model_linter(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model-rules")
    for rule_id, (severity, check, params) in RULES.items():
        (folder / f"{rule_id}.toml").write_text(rule_file(rule_id, severity, check, params))
    return Linter(Settings(rule_dirs=[str(folder)], select=list(RULES)))


@pytest.fixture(scope="module")
def lint(model_linter):
    def run(text_or_message, kind: str = "text") -> dict:
        message = (
            read_text(text_or_message, "draft.txt", kind=kind)
            if isinstance(text_or_message, str)
            else text_or_message
        )
        by_rule: dict = {}
        for f in model_linter.lint([message])[0].findings:
            by_rule.setdefault(f.rule, []).append(f)
        return by_rule

    return run


def draft(body: str) -> str:
    return f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"


def one(found: dict, rule: str, text: str, span: str):
    """Exactly one finding of `rule`, pointing at `span` of the draft."""
    assert len(found.get(rule, [])) == 1, found.get(rule)
    f = found[rule][0]
    assert text[f.start : f.end] == span
    assert f.start == text.index(span)
    assert f.message == f"{rule} fired"
    return f


def ask_evidence(sentence: str, why: str) -> str:
    return f'ask: "{sentence}" ({why})'


INTRO = "Could you introduce me to Dana Ruiz at Corvane?"
MODAL = "question ('Could you ...')"


# --- long-silence ------------------------------------------------------------------------------


def test_long_silence_fires_on_gap_and_ask(lint):
    text = draft(f"It's been two years since Lisbon! {INTRO}")
    f = one(lint(text), "silence", text, "It's been two years")
    assert f.severity == "info"
    assert f.evidence == (
        'gap: "It\'s been two years"',
        ask_evidence(INTRO, MODAL),
        "no offer or news for them first",
    )


def test_long_silence_quiet_when_an_offer_comes_with_the_ask(lint):
    text = draft(
        f"It's been two years since Lisbon! {INTRO} "
        "In return, I'd be glad to review your grant draft."
    )
    assert "silence" not in lint(text)


def test_long_silence_quiet_when_the_only_ask_is_to_catch_up(lint):
    assert "silence" not in lint(
        draft("It's been two years since Lisbon! It would be great to catch up sometime.")
    )


def test_long_silence_quiet_without_a_gap(lint):
    assert "silence" not in lint(draft(f"I'm Al, and I run the data team at Tidewell. {INTRO}"))


# --- vague-ask ---------------------------------------------------------------------------------


def test_vague_ask_open_set(lint):
    ask = "Do you know anyone who is hiring data engineers there?"
    text = draft(f"I'm moving to Leeds in June. {ask}")
    f = one(lint(text), "vague", text, ask)
    assert f.severity == "warning"
    assert f.evidence == (
        ask_evidence(ask, "question asking the reader for something"),
        "open-ended: anyone",
    )


def test_vague_ask_brain_picking(lint):
    ask = "I'd love to grab coffee and pick your brain sometime."
    text = draft(f"I'm moving to Leeds in June. {ask}")
    f = one(lint(text), "vague", text, ask)
    assert f.evidence[1:] == ("open-ended: sometime", "brain-picking with no question")


def test_vague_ask_alternatives(lint):
    ask = "Could you review my deck or introduce me to an investor?"
    text = draft(f"I'm raising a seed round. {ask}")
    f = one(lint(text), "vague", text, ask)
    assert f.evidence == (ask_evidence(ask, MODAL), "2 alternatives joined by 'or'")


def test_vague_ask_quiet_on_a_specific_ask_with_context(lint):
    found = lint(draft(f"I'm Al, and I run the data team at Tidewell. {INTRO}"))
    assert "vague" not in found and "vague-strict" not in found


def test_vague_ask_no_request_in_a_draft_after_a_job(lint):
    sentence = "I was laid off in March and I am looking for work."
    text = draft(sentence)
    f = one(lint(text), "vague", text, sentence)
    assert f.evidence == ("no request found, though the draft is after a job, lead or intro",)


def test_vague_ask_quiet_on_a_connector_note(lint):
    text = draft(
        "I'd love to introduce you to Sam Ortiz, who builds soil sensors. "
        "I told her you'd be happy to chat."
    )
    assert "vague" not in lint(text)


def test_max_context_free_sentences(lint):
    ask = "Could you send me the Q3 slides?"
    text = draft(ask)
    found = lint(text)
    f = one(found, "vague", text, ask)
    assert f.evidence == (ask_evidence(ask, MODAL), "no sentence says who you are or why you ask")
    assert "vague-strict" not in found


# --- no-attachment -----------------------------------------------------------------------------


def test_no_attachment_job_referral_without_materials(lint):
    text = draft("I'm applying for the analyst role at Corvane. Would you refer me?")
    found = lint(text)
    f = one(found, "materials", text, "Would you refer me?")
    assert f.severity == "error"
    assert f.evidence == (
        ask_evidence("Would you refer me?", "question ('Would you ...')"),
        "request for: job",
        "nothing attached or linked",
    )
    assert "materials-investor" not in found


def test_no_attachment_purposes_narrowed_to_investor_still_fire_on_a_raise(lint):
    ask = "Could you review my deck or introduce me to an investor?"
    text = draft(f"I'm raising a seed round. {ask}")
    f = one(lint(text), "materials-investor", text, ask)
    assert f.evidence[1:] == ("request for: investor", "nothing attached or linked")


def test_no_attachment_quiet_with_a_link(lint):
    found = lint(
        draft(
            "I'm applying for the analyst role at Corvane. Would you refer me? "
            "My resume: al-kim.example/cv"
        )
    )
    assert "materials" not in found


def test_no_attachment_quiet_without_a_purpose(lint):
    assert "materials" not in lint(draft(f"I'm Al, and I run the data team at Tidewell. {INTRO}"))


def test_no_attachment_says_attached_in_an_email_with_nothing_attached(lint):
    text = draft("I've attached my resume. Would you refer me for the analyst role at Corvane?")
    found = lint(text, kind="email")
    f = one(found, "materials", text, "I've attached")
    assert f.evidence == ("the text says something is attached, but the message has no attachment",)
    one(found, "materials-investor", text, "I've attached")


def eml(body: str, attach: bool) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Al Kim <al@kim.example>"
    mail["To"] = "Jo Park <jo@park.example>"
    mail["Subject"] = "Referral"
    mail.set_content(draft(body))
    if attach:
        mail.add_attachment(
            b"%PDF-1.4 cv", maintype="application", subtype="pdf", filename="cv.pdf"
        )
    return mail.as_bytes()


def test_no_attachment_quiet_when_the_saved_email_carries_the_file(lint):
    body = "I've attached my resume. Would you refer me for the analyst role at Corvane?"
    with_file = read_bytes(eml(body, attach=True), "with.eml")
    without = read_bytes(eml(body, attach=False), "without.eml")
    assert "materials" not in lint(with_file)
    [f] = lint(without)["materials"]
    assert without.text[f.start : f.end] == "I've attached"


# --- not-forwardable ---------------------------------------------------------------------------


def test_not_forwardable_intro_without_a_note(lint):
    text = draft(f"I'm Al, and I run the data team at Tidewell. {INTRO}")
    f = one(lint(text), "forward", text, INTRO)
    assert f.evidence == (
        ask_evidence(INTRO, MODAL),
        "no self-contained note the reader could forward",
    )


NOTE_ASK = "Could you forward the note below to Dana?"


def test_not_forwardable_quiet_with_a_self_contained_note(lint):
    text = (
        f"Hi Jo,\n\n{NOTE_ASK}\n\nHere's a note you can forward:\n\n"
        "Hi Dana, I'm Al Kim, a data engineer at Tidewell. I'd love 20 minutes to learn "
        "how your team runs its ETL.\n\nThanks,\nAl\n"
    )
    assert "forward" not in lint(text)


def test_not_forwardable_note_leaning_on_private_context(lint):
    note = "Hi Dana, as we discussed, Al Kim is great. You know the story."
    text = f"Hi Jo,\n\n{NOTE_ASK}\n\nHere's a note you can forward:\n\n{note}\n\nThanks,\nAl\n"
    [f] = lint(text)["forward"]
    assert text[f.start : f.end].strip() == note
    assert f.evidence == (
        "the note meant for forwarding does not say what they want from the "
        "target; relies on private context ('as we discussed')",
    )


def test_not_forwardable_leads_for_a_named_friend(lint):
    ask = "Could you keep her in mind if anything comes up?"
    text = draft(f"My friend Becky Lane is looking for a VP of Finance role. {ask}")
    one(lint(text), "forward", text, ask)


def test_not_forwardable_quiet_on_leads_for_the_writer(lint):
    text = draft("I'm looking for a data role. Keep me in mind if anything comes up.")
    assert "forward" not in lint(text)


def test_not_forwardable_quiet_on_a_connector_note(lint):
    text = draft(
        "I'd love to introduce you to Sam Ortiz, who builds soil sensors. You two should meet."
    )
    assert "forward" not in lint(text)


# --- asks-without-giving -----------------------------------------------------------------------


def test_asks_without_giving_fires_on_a_bare_ask(lint):
    text = draft(f"I'm Al, and I run the data team at Tidewell. {INTRO}")
    f = one(lint(text), "giving", text, INTRO)
    assert f.evidence == (
        ask_evidence(INTRO, MODAL),
        "no offer, pointer or interest in the reader's own work",
    )


def test_asks_without_giving_quiet_when_the_draft_shows_interest(lint):
    found = lint(draft("Congratulations on the launch! Could you share the slides from your talk?"))
    assert "giving" not in found and "giving-volunteer" not in found


def test_asks_without_giving_need_without_an_ask(lint):
    sentence = "I was laid off in March and I am looking for work."
    text = draft(sentence)
    f = one(lint(text), "giving", text, sentence)
    assert f.evidence == ("the draft is after something and offers nothing",)


def test_volunteers_reader(lint):
    text = draft(
        "I'd love to introduce you to Sam Ortiz, who builds soil sensors. "
        "I told her you'd be happy to chat."
    )
    found = lint(text)
    f = one(found, "giving-volunteer", text, "I told her you'd be happy to chat")
    assert f.evidence == (
        "commits the reader's time for someone else: 'I told her you'd be happy to chat'",
    )
    assert "giving" not in found


# --- generic-blast -----------------------------------------------------------------------------


def test_generic_blast_group_greeting(lint):
    text = "Dear friends and colleagues,\n\nCould you share the slides?\n\nThanks,\nAl\n"
    f = one(lint(text), "blast", text, "Dear friends and colleagues,")
    assert f.evidence == ("the greeting names no one",)


def test_generic_blast_quiet_on_a_named_reader(lint):
    assert "blast" not in lint(draft("I loved your talk on pricing. Could you share the slides?"))


def test_generic_blast_no_greeting(lint):
    text = "Could you send me the slides from your talk?"
    found = lint(text)
    f = one(found, "blast", text, text)
    assert f.evidence == ("no greeting and nothing that names the reader or why they were chosen",)
    assert "blast-reader" not in found


def test_reader_reference(lint):
    text = "Hey!\n\nI loved your talk on pricing. Could you share the slides?\n\nThanks,\nAl\n"
    found = lint(text)
    f = one(found, "blast", text, "Hey!")
    assert f.evidence == ("the greeting names no one and nothing says why this reader",)
    assert "blast-reader" not in found


def test_placeholder(lint):
    text = draft("I'd love to work at [Company]. Could you refer me?")
    found = lint(text)
    f = one(found, "blast-placeholder", text, "[Company]")
    assert f.evidence == ("leftover placeholder '[Company]'",)
    assert "blast" not in found


def test_mass_phrases(lint):
    text = draft("I'm writing to people like you in data. Could you share your notes?")
    found = lint(text)
    f = one(found, "blast-mass", text, "people like you")
    assert f.evidence == ("mass-mail wording: 'people like you'",)
    assert "blast" not in found


# --- research-burden ---------------------------------------------------------------------------


def test_research_burden_and_open_sets(lint):
    ask = "Do you know anyone who is hiring data engineers there?"
    text = draft(f"I'm moving to Leeds in June. {ask}")
    found = lint(text)
    f = one(found, "burden", text, ask)
    assert f.evidence == (
        ask_evidence(ask, "question asking the reader for something"),
        "the reader must search: 'anyone who'",
    )
    assert "burden-narrow" not in found


def test_research_burden_quiet_on_a_named_target(lint):
    assert "burden" not in lint(draft(f"I'm Al, and I run the data team at Tidewell. {INTRO}"))


# --- self-centered -----------------------------------------------------------------------------

REFER = "Could you refer me for the analyst job at Corvane?"


def test_urgency(lint):
    text = draft(f"I need a new role asap. {REFER}")
    found = lint(text)
    f = one(found, "selfish-urgency", text, "asap")
    assert f.evidence == ("urgency: 'asap'",)
    assert "selfish" not in found


def test_urgency_in_a_note_that_asks_nothing_is_quiet(lint):
    assert "selfish-urgency" not in lint(draft("I'm moving asap, so the flat is free from June."))


def test_desperation(lint):
    text = draft(f"I badly need the work. {REFER}")
    found = lint(text)
    f = one(found, "selfish-desperation", text, "badly need")
    assert f.evidence == ("desperation: 'badly need'",)
    assert "selfish" not in found


def test_urgency_is_reported_before_desperation(lint):
    text = draft(f"I badly need the work. I need a new role asap. {REFER}")
    f = one(lint(text), "selfish-both", text, "asap")
    assert f.evidence == ("urgency: 'asap'",)


def test_fallback(lint):
    text = draft("My Corvane offer fell through, so you are plan b. Could you refer me to Harbor?")
    found = lint(text)
    f = one(found, "selfish-fallback", text, "plan b")
    assert f.evidence == ("fallback: 'plan b'",)
    assert "selfish" not in found


def test_stacked_asks(lint):
    three = "Could you read my essay, give me notes and get me an intro to your editor?"
    text = draft(three)
    found = lint(text)
    f = one(found, "selfish", text, three)
    assert f.evidence == (ask_evidence(three, MODAL), "3 favours stacked in one request")
    assert "selfish-stack4" not in found
    two = "Could you read my essay and send me notes?"
    text = draft(two)
    found = lint(text)
    assert one(found, "selfish-stack2", text, two).evidence[1] == "2 favours stacked in one request"
    assert "selfish" not in found


SELF_STORY = (
    "I left Corvane in May. I moved to Leeds and I started a course. I finished it in "
    "June, and I want to work in data now. I think Harbor fits. "
    "Could you introduce me to Dana at Harbor?"
)  # 6 writer clauses, 1 reader clause


def test_self_focus_and_min_self_clauses(lint):
    text = draft(SELF_STORY)
    found = lint(text)
    f = one(found, "selfish", text, "I left Corvane in May.")
    assert f.evidence == ("6 clauses about the writer, 1 about the reader",)
    assert "selfish-share" not in found
    assert "selfish-min" not in found


def test_self_focus_quiet_when_the_draft_gives(lint):
    text = draft(SELF_STORY + " In return, I'd be glad to review your grant draft.")
    assert "selfish" not in lint(text)
