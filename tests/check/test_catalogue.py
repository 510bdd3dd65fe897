"""Rule files are data: validated strictly, with errors naming file, rule and field."""

from __future__ import annotations

import pytest

from intro_lint.check.catalogue import (
    builtin_dir,
    load_catalogue,
    load_dir,
    load_rule_file,
    resolve,
)
from intro_lint.errors import RuleFileError

GOOD = """kind = "phrase"
severity = "info"
message = "Apologises for writing"
why = "Opening with an apology frames the request as a burden."
source = "our own"
[params]
phrases = ["sorry to bother you"]
[examples]
fail = ["Hi Jo,\\n\\nSorry to bother you, could you review my deck?\\n\\nAl"]
pass = ["Hi Jo,\\n\\nCould you review my deck?\\n\\nAl"]
"""
HEAD = 'message = "m"\nwhy = "w"\nsource = "s"\n'
CHECKS = (
    "asks-without-giving, generic-blast, long-silence, no-attachment, not-forwardable, "
    "research-burden, self-centered, vague-ask"
)


def test_builtin_catalogue_has_exactly_the_label_ids(label_ids):
    assert set(load_catalogue()) == label_ids
    assert (builtin_dir() / "vague-ask.toml").is_file()


def test_every_rule_names_a_source_and_explains_itself():
    for spec in load_catalogue().values():
        assert spec.source.strip() and len(spec.why.split()) > 25, spec.id


def test_a_valid_user_rule_loads(tmp_path):
    (tmp_path / "apology.toml").write_text(GOOD)
    params = load_dir(tmp_path)["apology"].params
    assert params.kind == "phrase" and params.phrases == ["sorry to bother you"]


@pytest.mark.parametrize(
    "mutation,field",
    [
        (('severity = "info"', 'severity = "loud"'), "severity"),
        (("why =", 'whyy = "x"\nwhy ='), "whyy"),
        (('kind = "phrase"', 'kind = "magic"'), "unknown kind"),
        (('phrases = ["sorry to bother you"]', "phrases = []"), "params.phrases"),
        (('message = "Apologises for writing"\n', ""), "message"),
    ],
)
def test_errors_name_file_rule_and_field(tmp_path, mutation, field):
    path = tmp_path / "apology.toml"
    path.write_text(GOOD.replace(*mutation))
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    text = str(err.value)
    assert str(path) in text and "rule apology" in text and field in text


def rule(kind: str, params: str | None = None, top: str = "", tail: str = "") -> str:
    """A rule file of this kind: `top` lines, then `params` as its [params] table, then `tail`."""
    table = "" if params is None else f"[params]\n{params}"
    return f'kind = "{kind}"\n{top}{HEAD}{table}{tail}'


PHRASE = 'phrases = ["a"]\n'
FIX = '[[fixes]]\ntitle = "t"\n'
# (the rule file's text, the field the error names, the problem it reports)
WRONG = {
    "kind": (rule("magic"), "kind", "unknown kind 'magic' (known: metric, model, phrase)"),
    "kind-type": ("kind = 3\n" + HEAD, "kind", "Input should be a valid string"),
    "severity": (
        rule("phrase", PHRASE, top='severity = "loud"\n'),
        "severity",
        "Input should be 'info', 'warning' or 'error' (got 'loud')",
    ),
    "dimension": (
        rule("phrase", PHRASE, top='dimension = "personalization"\n'),
        "dimension",
        "Input should be 'relationship', 'ask', 'materials', 'forwardability', "
        "'reciprocity' or 'personalisation' (got 'personalization')",
    ),
    "weight": (
        rule("phrase", PHRASE, top="weight = 200\n"),
        "weight",
        "Input should be less than or equal to 100",
    ),
    "fix-action": (
        rule("phrase", PHRASE, tail=FIX + 'action = "insert-after-asks"\n'),
        "fixes.0.action",
        "Input should be 'none', 'insert-after-ask', 'fill-greeting', "
        "'insert-after-greeting', 'replace-ask' or 'insert-blurb' "
        "(got 'insert-after-asks')",
    ),
    "fix-safety": (
        rule("phrase", PHRASE, tail=FIX + FIX + 'safety = "very"\n'),
        "fixes.1.safety",
        "Input should be 'safe', 'unsafe' or 'suggestion' (got 'very')",
    ),
    "examples": (
        rule("phrase", PHRASE, tail='[examples]\nfail = "x"\n'),
        "examples.fail",
        "Input should be a valid list",
    ),
    "params-table": (
        rule("phrase", top="params = 3\n"),
        "params",
        "Input should be a valid dictionary or object to extract fields from",
    ),
    "params-kind": (
        rule("phrase", 'kind = "metric"\n' + PHRASE),
        "params.kind",
        "the kind is set at the top of the file",
    ),
    "phrases-missing": (rule("phrase"), "params.phrases", "Field required"),
    "phrases-empty": (
        rule("phrase", "phrases = []\n"),
        "params.phrases",
        "must be a non-empty list of non-empty strings",
    ),
    "phrases-blank": (
        rule("phrase", 'phrases = ["a", " "]\n'),
        "params.phrases",
        "must be a non-empty list of non-empty strings",
    ),
    "phrases-string": (
        rule("phrase", 'phrases = "a"\n'),
        "params.phrases",
        "must be a non-empty list of non-empty strings",
    ),
    "phrase-unknown": (
        rule("phrase", PHRASE + 'phrase = ["b"]\n'),
        "params.phrase",
        "not a parameter of kind 'phrase' (allowed: phrases)",
    ),
    "metric-name": (
        rule("metric", 'metric = "wordz"\nabove = 3\n'),
        "params.metric",
        "Input should be 'words', 'sentences', 'words_per_sentence', "
        "'readability_grade', 'coleman_liau' or 'self_focus' (got 'wordz')",
    ),
    "metric-threshold": (
        rule("metric", 'metric = "words"\n'),
        "params.above",
        "give a threshold as 'above' or 'below'",
    ),
    "metric-string": (
        rule("metric", 'metric = "words"\nbelow = "3"\n'),
        "params.below",
        "must be a number (got '3')",
    ),
    "metric-bool": (
        rule("metric", 'metric = "words"\nabove = true\n'),
        "params.above",
        "must be a number (got True)",
    ),
    "metric-unknown": (
        rule("metric", 'metric = "words"\nover = 2\n'),
        "params.over",
        "not a parameter of kind 'metric' (allowed: above, below, metric)",
    ),
    "check": (
        rule("model", 'check = "nope"\n'),
        "params.check",
        f"must be one of {CHECKS} (got 'nope')",
    ),
    "check-missing": (rule("model", 'urgency = ["a"]\n'), "params.check", "Field required"),
    "check-unknown": (
        rule("model", 'check = "self-centered"\nslef_focus = 0.9\n'),
        "params.slef_focus",
        "not a parameter of check 'self-centered' (allowed: "
        "desperation, fallback, min_self_clauses, self_focus, stacked_asks, "
        "urgency)",
    ),
    "check-none-allowed": (
        rule("model", 'check = "long-silence"\nx = 1\n'),
        "params.x",
        "not a parameter of check 'long-silence' (allowed: none)",
    ),
    "number": (
        rule("model", 'check = "self-centered"\nself_focus = "high"\n'),
        "params.self_focus",
        "must be a number (got 'high')",
    ),
    "number-bool": (
        rule("model", 'check = "vague-ask"\nmax_context_free_sentences = true\n'),
        "params.max_context_free_sentences",
        "must be a number (got True)",
    ),
    "regexes": (
        rule("model", 'check = "self-centered"\nurgency = ["(unclosed"]\n'),
        "params.urgency",
        "'(unclosed' is not a valid regular expression "
        "(missing ), unterminated subpattern at position 0)",
    ),
    "regexes-string": (
        rule("model", 'check = "research-burden"\nopen_sets = "a"\n'),
        "params.open_sets",
        "must be a list of non-empty strings",
    ),
    "regexes-empty-item": (
        rule("model", 'check = "research-burden"\nopen_sets = ["a", ""]\n'),
        "params.open_sets",
        "must be a list of non-empty strings",
    ),
    "regex-list": (
        rule("model", 'check = "generic-blast"\nplaceholder = ["a"]\n'),
        "params.placeholder",
        "must be a string",
    ),
    "regex": (
        rule("model", 'check = "generic-blast"\nplaceholder = "[a"\n'),
        "params.placeholder",
        "'[a' is not a valid regular expression (unterminated character set at position 0)",
    ),
}


@pytest.mark.parametrize("case", WRONG)
def test_a_wrong_value_is_one_line_naming_file_rule_and_field(tmp_path, case):
    text, field, problem = WRONG[case]
    path = tmp_path / "my-rule.toml"
    path.write_text(text)
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    assert str(err.value) == f"{path}: rule my-rule: field {field}: {problem}"


def test_broken_toml_is_reported_with_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("kind = \n")
    with pytest.raises(RuleFileError, match="broken.toml: rule broken: not valid TOML"):
        load_rule_file(path)


def test_id_must_match_file_name(tmp_path):
    path = tmp_path / "apology.toml"
    path.write_text('id = "other"\n' + GOOD)
    with pytest.raises(RuleFileError, match="field id"):
        load_rule_file(path)


def test_aliases_resolve_old_ids(tmp_path):
    (tmp_path / "apology.toml").write_text('aliases = ["sorry"]\n' + GOOD)
    rules = load_dir(tmp_path)
    assert resolve(rules, "sorry").id == "apology"
    assert resolve(rules, "nope") is None


def _model_rule(tmp_path, params: str):
    path = tmp_path / "my-vague.toml"
    path.write_text('kind = "model"\nmessage = "m"\nwhy = "w"\nsource = "s"\n[params]\n' + params)
    return path


def test_model_params_are_checked_by_name_type_and_pattern(tmp_path):
    with pytest.raises(
        RuleFileError,
        match=r"my-vague.toml: rule my-vague: field params.slef_focus: not a parameter",
    ):
        load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nslef_focus = 0.9\n'))
    with pytest.raises(RuleFileError, match=r"field params.self_focus: must be a number"):
        load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nself_focus = "high"\n'))
    with pytest.raises(
        RuleFileError, match=r"field params.urgency: '\(unclosed' is not a valid regular expression"
    ):
        load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nurgency = ["(unclosed"]\n'))
    with pytest.raises(RuleFileError, match=r"field params.check: must be one of"):
        load_rule_file(_model_rule(tmp_path, 'check = "nope"\n'))
    spec = load_rule_file(
        _model_rule(tmp_path, 'check = "self-centered"\nurgency = ["right now"]\n')
    )
    assert spec.params.urgency == ["right now"]


DEFAULTS = {  # what the checks read when a rule file leaves a parameter out
    "long-silence": {},
    "vague-ask": {"max_context_free_sentences": 3},
    "no-attachment": {"purposes": ["job", "investor", "customer"]},
    "not-forwardable": {},
    "asks-without-giving": {"volunteers_reader": []},
    "generic-blast": {"placeholder": None, "reader_reference": [], "mass_phrases": []},
    "research-burden": {"open_sets": []},
    "self-centered": {
        "urgency": [],
        "desperation": [],
        "fallback": [],
        "stacked_asks": 3,
        "self_focus": 0.85,
        "min_self_clauses": 6,
    },
}


@pytest.mark.parametrize("check", sorted(DEFAULTS))
def test_a_check_left_without_parameters_gets_its_defaults(tmp_path, check):
    params = load_rule_file(_model_rule(tmp_path, f'check = "{check}"\n')).params
    assert params.model_dump() == {"kind": "model", "check": check, **DEFAULTS[check]}


def test_numbers_keep_their_type(tmp_path):
    path = _model_rule(tmp_path, 'check = "self-centered"\nstacked_asks = 4\n')
    params = load_rule_file(path).params
    assert params.stacked_asks == 4 and isinstance(params.stacked_asks, int)
