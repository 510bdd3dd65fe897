"""The suite's fuzz campaign: mutated drafts through the engine, malformed mail through the guard.

A fixed budget (derandomized Hypothesis, a set number of examples) keeps it well inside CI's
time; benchmarks/fuzz_long.py runs the same mutators and invariants on 100,000 drafts.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import SUFFIXES, draft_problems, encoded, guard_outcome, guard_problems
from mutations import EXAMPLES, draft_seeds, mime_seeds, mutate_draft, mutate_mime

DRAFT_SEEDS = draft_seeds()
MIME_SEEDS = mime_seeds()
BUDGET = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def mail_room(tmp_path_factory):
    """A folder for the guard's sends, no user config and no INTRO_LINT_* settings."""
    room = tmp_path_factory.mktemp("guard")
    with pytest.MonkeyPatch.context() as mp:
        for name in [n for n in os.environ if n.startswith("INTRO_LINT_")]:
            mp.delenv(name)
        mp.setenv("HOME", str(room))
        mp.setenv("XDG_CONFIG_HOME", str(room / "config"))
        mp.chdir(room)
        yield room


@settings(BUDGET, max_examples=1500)
@given(rng=st.randoms(use_true_random=False), suffix=st.sampled_from(SUFFIXES))
def test_mutated_drafts_get_sound_reports_and_sound_fixes(linter, rng, suffix):
    draft = encoded(rng, mutate_draft(rng, DRAFT_SEEDS))
    assert draft_problems(linter, [(draft, f"fuzzed{suffix}")]) == []


@settings(BUDGET, max_examples=800)
@given(rng=st.randoms(use_true_random=False))
def test_malformed_mail_is_sent_byte_for_byte_or_held_back(linter, mail_room, rng):
    assert guard_problems(mutate_mime(rng, MIME_SEEDS), mail_room / "sent.eml") == []


def test_the_in_process_guard_sends_a_good_request_and_holds_a_bad_one(mail_room):
    """The runner the campaign uses really sends, and really holds back."""
    good = (EXAMPLES / "jeff-becky-rewrite.eml").read_bytes()
    status, err, sent = guard_outcome(good, mail_room / "sent.eml")
    assert (status, sent) == (0, good), err
    status, err, sent = guard_outcome(MIME_SEEDS[0], mail_room / "sent.eml")  # "attached": nothing
    assert (status, sent) == (1, None) and "held back" in err
