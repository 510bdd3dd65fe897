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

LABEL_IDS = {
    "long-silence", "vague-ask", "no-attachment", "not-forwardable",
    "asks-without-giving", "generic-blast", "research-burden", "self-centered",
}
GOOD = '''kind = "phrase"
severity = "info"
message = "Apologises for writing"
why = "Opening with an apology frames the request as a burden."
source = "our own"
[params]
phrases = ["sorry to bother you"]
[examples]
fail = ["Hi Jo,\\n\\nSorry to bother you, could you review my deck?\\n\\nAl"]
pass = ["Hi Jo,\\n\\nCould you review my deck?\\n\\nAl"]
'''


def test_builtin_catalogue_has_exactly_the_label_ids():
    assert set(load_catalogue()) == LABEL_IDS
    assert (builtin_dir() / "vague-ask.toml").is_file()


def test_every_rule_names_a_source_and_explains_itself():
    for spec in load_catalogue().values():
        assert spec.source.strip() and len(spec.why.split()) > 25, spec.id


def test_a_valid_user_rule_loads(tmp_path):
    (tmp_path / "apology.toml").write_text(GOOD)
    assert load_dir(tmp_path)["apology"].params["phrases"] == ["sorry to bother you"]


@pytest.mark.parametrize("mutation,field", [
    (("severity = \"info\"", "severity = \"loud\""), "severity"),
    (("why =", "whyy = \"x\"\nwhy ="), "whyy"),
    (("kind = \"phrase\"", "kind = \"magic\""), "unknown kind"),
    (("phrases = [\"sorry to bother you\"]", "phrases = []"), "params.phrases"),
    (("message = \"Apologises for writing\"\n", ""), "message"),
])
def test_errors_name_file_rule_and_field(tmp_path, mutation, field):
    path = tmp_path / "apology.toml"
    path.write_text(GOOD.replace(*mutation))
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    text = str(err.value)
    assert str(path) in text and "rule apology" in text and field in text


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
    with pytest.raises(RuleFileError, match=r"my-vague.toml: rule my-vague: field params.slef_focus: not a parameter"):
        load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nslef_focus = 0.9\n'))
    with pytest.raises(RuleFileError, match=r"field params.self_focus: must be a number"):
        load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nself_focus = "high"\n'))
    with pytest.raises(RuleFileError, match=r"field params.urgency: '\(unclosed' is not a valid regular expression"):
        load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nurgency = ["(unclosed"]\n'))
    with pytest.raises(RuleFileError, match=r"field params.check: must be one of"):
        load_rule_file(_model_rule(tmp_path, 'check = "nope"\n'))
    spec = load_rule_file(_model_rule(tmp_path, 'check = "self-centered"\nurgency = ["right now"]\n'))
    assert spec.params["urgency"] == ["right now"]
