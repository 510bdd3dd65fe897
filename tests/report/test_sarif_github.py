"""SARIF and GitHub Actions output, and the offset -> line/column helper they share."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from intro_lint.check.catalogue import FixTemplate, RuleSpec
from intro_lint.model import LocatedFinding, Report, Severity
from intro_lint.positions import LineIndex, line_col
from intro_lint.report import github, sarif

TEXT = "Hi Ann,\n\nAnyone hiring? Any advice?\nI'm desperate, please help ASAP.\n"
PATH = "drafts/ann.txt"


def rule(rule_id: str, severity: Severity = "warning", fixes: tuple[str, ...] = ()) -> RuleSpec:
    # model_construct: these tests are about output, not about rule kinds being registered.
    return RuleSpec.model_construct(
        id=rule_id,
        kind="phrase",
        severity=severity,
        dimension="ask",
        weight=10,
        message=f"{rule_id} message",
        why=f"Why {rule_id} matters.",
        source="essay 000",
        fixes=[FixTemplate(title=title) for title in fixes],
        params={},
        aliases=[],
        path="",
    )


RULES = {
    "vague-ask": rule("vague-ask", "warning", ("Name one role", "Name one action")),
    "self-centered": rule("self-centered", "info"),
    "no-attachment": rule("no-attachment", "error"),
}


def finding(
    rule_id: str, severity: Severity, phrase: str, text: str = TEXT, message: str = "msg"
) -> LocatedFinding:
    start = text.index(phrase)
    line, column = line_col(text, start)
    return LocatedFinding(
        rule=rule_id,
        severity=severity,
        message=message,
        start=start,
        end=start + len(phrase),
        line=line,
        column=column,
    )


def report(
    path: str = PATH, findings: tuple[LocatedFinding, ...] = (), error: str | None = None
) -> Report:
    return Report(
        path=path, score=80, grade="B", subscores={}, metrics={}, findings=findings, error=error
    )


VAGUE = finding("vague-ask", "warning", "Anyone hiring?")
SELFISH = finding(
    "self-centered", "info", "desperate, please help ASAP.\n", message="About you, not them"
)
BROKEN = report("drafts/bad.eml", error="malformed MIME: no boundary")


# --- positions ------------------------------------------------------------------------


def test_line_col_basics() -> None:
    assert line_col("ab\ncd", 0) == (1, 1)
    assert line_col("ab\ncd", 2) == (1, 3)  # the newline itself
    assert line_col("ab\ncd", 3) == (2, 1)
    assert line_col("ab\ncd", 5) == (2, 3)  # end of text
    assert line_col("a\r\nb", 3) == (2, 1)  # CRLF is one break
    assert line_col("ünï\nx", 3) == (1, 4)  # code points, not bytes


def test_out_of_range_offsets_are_clamped() -> None:
    assert line_col("ab\ncd", -4) == (1, 1)
    assert line_col("ab\ncd", 99) == (2, 3)
    assert LineIndex("ab\ncd").line_col(99) == (2, 3)


@given(st.text(alphabet="ab\n\r😀", max_size=40), st.data())
def test_line_index_agrees_with_line_col(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    line, column = LineIndex(text).line_col(offset)
    assert (line, column) == line_col(text, offset)
    before = text[:offset].split("\n")
    assert (line, column) == (len(before), len(before[-1]) + 1)


# --- SARIF --------------------------------------------------------------------------


def sarif_doc(reports: list[Report], texts: dict[str, str] | None = None) -> dict:
    return json.loads(sarif.render(reports, RULES, texts=texts))


def check_sarif_shape(doc: dict) -> None:
    """The properties SARIF 2.1.0 requires, plus the ones GitHub code scanning reads."""
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].startswith("https://") and "sarif" in doc["$schema"]
    assert isinstance(doc["runs"], list) and len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "intro-lint" and driver["informationUri"].startswith("https://")
    assert run["columnKind"] in {"unicodeCodePoints", "utf16CodeUnits"}
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for spec in driver["rules"]:
        assert (
            spec["shortDescription"]["text"]
            and spec["fullDescription"]["text"]
            and spec["help"]["text"]
        )
        assert spec["defaultConfiguration"]["level"] in {"none", "note", "warning", "error"}
    for result in run["results"]:
        assert result["message"]["text"]
        assert result["level"] in {"none", "note", "warning", "error"}
        if "ruleIndex" in result:
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert isinstance(physical["artifactLocation"]["uri"], str)
            region = physical["region"]
            assert all(isinstance(v, int) and v >= 1 for v in region.values())
            assert region.get("endLine", region["startLine"]) >= region["startLine"]
    for invocation in run["invocations"]:
        assert isinstance(invocation["executionSuccessful"], bool)
        for note in invocation.get("toolExecutionNotifications", []):
            assert note["message"]["text"] and note["level"] in {"none", "note", "warning", "error"}


def test_sarif_log_has_required_structure() -> None:
    doc = sarif_doc([report(findings=(VAGUE, SELFISH)), BROKEN], {PATH: TEXT})
    check_sarif_shape(doc)


def test_sarif_rules_carry_message_why_fixes_and_level() -> None:
    rules = {r["id"]: r for r in sarif_doc([])["runs"][0]["tool"]["driver"]["rules"]}
    assert sorted(rules) == sorted(RULES)
    vague = rules["vague-ask"]
    assert vague["shortDescription"]["text"] == "vague-ask message"
    assert vague["fullDescription"]["text"] == "Why vague-ask matters."
    assert "Why vague-ask matters." in vague["help"]["text"]
    assert (
        "- Name one role" in vague["help"]["text"] and "- Name one action" in vague["help"]["text"]
    )
    levels = {rule_id: r["defaultConfiguration"]["level"] for rule_id, r in rules.items()}
    assert levels == {"vague-ask": "warning", "self-centered": "note", "no-attachment": "error"}


def test_sarif_results_have_levels_messages_and_regions() -> None:
    doc = sarif_doc([report(findings=(VAGUE, SELFISH))], {PATH: TEXT})
    first, second = doc["runs"][0]["results"]
    assert (first["ruleId"], first["level"], first["message"]["text"]) == (
        "vague-ask",
        "warning",
        "msg",
    )
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == PATH
    assert physical["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 15}
    assert second["level"] == "note"
    # the span ends just after a newline, so the exclusive end is the start of line 5
    assert second["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 5,
        "endLine": 5,
        "endColumn": 1,
    }


def test_sarif_without_text_gives_start_only() -> None:
    doc = sarif_doc([report(findings=(VAGUE,))])
    region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1}


def test_sarif_reports_errors_as_notifications() -> None:
    doc = sarif_doc([report(findings=(VAGUE,)), BROKEN])
    check_sarif_shape(doc)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "malformed MIME: no boundary"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/bad.eml"


def test_sarif_clean_run_succeeds_with_no_results() -> None:
    doc = sarif_doc([report()])
    run = doc["runs"][0]
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_finding_for_rule_outside_the_catalogue_has_no_rule_index() -> None:
    stray = finding("from-elsewhere", "error", "Hi Ann")
    (result,) = sarif_doc([report(findings=(stray,))])["runs"][0]["results"]
    assert result["ruleId"] == "from-elsewhere" and "ruleIndex" not in result


def test_artifact_uris_are_uri_references() -> None:
    assert sarif.artifact_uri("drafts/my draft #2.txt") == "drafts/my%20draft%20%232.txt"
    assert sarif.artifact_uri("/home/ann/draft.txt") == "file:///home/ann/draft.txt"


# --- GitHub Actions -----------------------------------------------------------------


def test_github_commands_per_finding_with_end_positions() -> None:
    out = github.render([report(findings=(VAGUE, SELFISH))], RULES, texts={PATH: TEXT})
    assert out.splitlines() == [
        "::warning file=drafts/ann.txt,line=3,col=1,endLine=3,endColumn=15,title=vague-ask::msg",
        # multi-line span: GitHub takes columns only within one line
        "::notice file=drafts/ann.txt,line=4,endLine=5,title=self-centered::About you, not them",
    ]


def test_github_without_text_and_error_severity() -> None:
    loud = finding("no-attachment", "error", "Hi Ann")
    assert github.render([report(findings=(loud,))], RULES) == (
        "::error file=drafts/ann.txt,line=1,col=1,title=no-attachment::msg\n"
    )


def test_github_report_error_becomes_an_error_command() -> None:
    assert (
        github.render([BROKEN], RULES)
        == "::error file=drafts/bad.eml::malformed MIME: no boundary\n"
    )


def test_github_escapes_data_and_properties() -> None:
    odd = finding("vague-ask", "warning", "Hi", "Hi", message="100% sure:\r\nreally, yes")
    out = github.render([report("a,b:c%d.txt", findings=(odd,))], RULES)
    assert out == (
        "::warning file=a%2Cb%3Ac%25d.txt,line=1,col=1,title=vague-ask::"
        "100%25 sure:%0D%0Areally, yes\n"
    )
    assert "\n" not in out[:-1]


def test_github_no_reports_no_output() -> None:
    assert github.render([], RULES) == ""
    assert github.render([report()], RULES) == ""
