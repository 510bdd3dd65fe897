"""The per-batch grading function any engine runs: messages in, reports out, one Linter per process."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..analysis import analysable_text, analyse
from ..config import Settings
from ..errors import InputError
from ..lint import Linter, error_report
from ..models import Message, Report
from ..nlp import parse_many

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=4)
def linter_for(settings_json: str) -> Linter:
    """The process's Linter for these settings: rules and pipeline load once per worker."""
    return Linter(Settings.model_validate_json(settings_json))


def grade_messages(messages: list[Message], settings_json: str) -> list[Report]:
    """Reports in input order, from one nlp.pipe pass over the batch."""
    linter = linter_for(settings_json)
    docs = parse_many(linter.nlp, (analysable_text(m) for m in messages))
    return [report_or_error(linter, m, doc) for m, doc in zip(messages, docs)]


def report_or_error(linter: Linter, message: Message, doc: "Doc") -> Report:
    """One draft's report; a crash inside the analysis becomes that draft's error, not the batch's."""
    try:
        return linter.report(analyse(message, doc))
    except Exception as exc:  # one odd draft must not sink a class of 10,000
        return error_report(InputError(message.path, f"internal error while grading ({type(exc).__name__}: {exc})"))
