"""Settings precedence, file discovery, environment parsing, errors and `config show`."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from intro_lint.errors import ConfigError
from intro_lint.settings.fields import FIELDS, MAX_BYTES_LIMIT, Settings
from intro_lint.settings.layers import (
    enabled_rules,
    load_settings,
    unknown_env_vars,
    unknown_rule_ids,
)
from intro_lint.settings.show import show


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "drafts" / "deep").mkdir(parents=True)
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(start: Path, home: Path, cli: dict[str, object] | None = None, **env: str):
    return load_settings(cli or {}, start, env={"HOME": str(home), **env})


# --- defaults and discovery ---------------------------------------------------------


def test_zero_config_gives_defaults_from_default(project: Path, home: Path) -> None:
    settings, sources = load(project, home)
    assert settings == Settings()
    assert sources == dict.fromkeys(FIELDS, "default")
    assert settings.fail_on == "warning" and settings.max_bytes == 1_000_000


def test_dot_file_accepts_hyphen_and_underscore_keys(project: Path, home: Path) -> None:
    dot = write(
        project / ".intro-lint.toml", 'fail-on = "error"\nmax_bytes = 500\nextend-select = ["x"]\n'
    )
    settings, sources = load(project, home)
    assert (settings.fail_on, settings.max_bytes, settings.extend_select) == ("error", 500, ["x"])
    assert sources["fail_on"] == f"project file {dot}"
    assert sources["ignore"] == "default"


def test_pyproject_table_found_walking_up_from_a_draft(project: Path, home: Path) -> None:
    pyproject = write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n[tool.intro-lint]\nignore = ["vague-ask"]\n',
    )
    draft = write(project / "drafts" / "deep" / "draft.txt", "Hi")
    settings, sources = load(draft, home)
    assert settings.ignore == ["vague-ask"]
    assert sources["ignore"] == f"project file {pyproject}"


def test_pyproject_without_table_is_skipped(project: Path, home: Path) -> None:
    write(project / "pyproject.toml", '[tool.intro-lint]\nfail-on = "info"\n')
    write(project / "drafts" / "pyproject.toml", "[tool.black]\nline-length = 80\n")
    settings, _ = load(project / "drafts" / "deep", home)
    assert settings.fail_on == "info"


def test_nearest_project_file_wins(project: Path, home: Path) -> None:
    write(project / ".intro-lint.toml", 'fail-on = "info"\nignore = ["a"]\n')
    inner = write(project / "drafts" / ".intro-lint.toml", 'fail-on = "error"\n')
    settings, sources = load(project / "drafts" / "deep" / "missing.txt", home)
    assert settings.fail_on == "error"
    assert settings.ignore == []  # project files do not stack: only the nearest counts
    assert sources["fail_on"] == f"project file {inner}"


def test_dot_file_beats_pyproject_in_the_same_folder(project: Path, home: Path) -> None:
    write(project / "pyproject.toml", '[tool.intro-lint]\nfail-on = "info"\n')
    write(project / ".intro-lint.toml", 'fail-on = "never"\n')
    settings, _ = load(project, home)
    assert settings.fail_on == "never"


def test_user_file_under_home_and_under_xdg(project: Path, home: Path, tmp_path: Path) -> None:
    user = write(home / ".config" / "intro-lint" / "config.toml", "color = false\n")
    settings, sources = load(project, home)
    assert settings.color is False and sources["color"] == f"user file {user}"
    xdg = write(tmp_path / "xdg" / "intro-lint" / "config.toml", "color = true\n")
    settings, sources = load(project, home, XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    assert settings.color is True and sources["color"] == f"user file {xdg}"


def test_explicit_user_config_and_missing_user_file(project: Path, tmp_path: Path) -> None:
    user = write(tmp_path / "mine.toml", 'pipeline = "en_core_web_md"\n')
    settings, sources = load_settings({}, project, env={}, user_config=user)
    assert settings.pipeline == "en_core_web_md" and sources["pipeline"] == f"user file {user}"
    settings, _ = load_settings({}, project, env={}, user_config=tmp_path / "absent.toml")
    assert settings == Settings()


def test_rule_dirs_in_a_file_are_relative_to_that_file(project: Path, home: Path) -> None:
    write(project / ".intro-lint.toml", 'rule-dirs = ["my-rules", "/abs/rules"]\n')
    settings, _ = load(project / "drafts" / "deep", home)
    assert settings.rule_dirs == [str(project / "my-rules"), "/abs/rules"]


# --- precedence -------------------------------------------------------------------


def test_precedence_cli_over_env_over_project_over_user(project: Path, home: Path) -> None:
    user = write(
        home / ".config" / "intro-lint" / "config.toml",
        'fail-on = "info"\npipeline = "user_pipe"\nmax-bytes = 10\nselect = ["u"]\n',
    )
    dot = write(
        project / ".intro-lint.toml",
        'fail-on = "error"\npipeline = "project_pipe"\nmax-bytes = 20\n',
    )
    env = {"INTRO_LINT_FAIL_ON": "never", "INTRO_LINT_PIPELINE": "env_pipe"}
    settings, sources = load(project, home, {"fail_on": "warning"}, **env)
    assert settings.fail_on == "warning" and sources["fail_on"] == "command line"
    assert (
        settings.pipeline == "env_pipe" and sources["pipeline"] == "environment INTRO_LINT_PIPELINE"
    )
    assert settings.max_bytes == 20 and sources["max_bytes"] == f"project file {dot}"
    assert settings.select == ["u"] and sources["select"] == f"user file {user}"


def test_dict_fields_merge_key_by_key(project: Path, home: Path) -> None:
    user = write(
        home / ".config" / "intro-lint" / "config.toml",
        '[severity]\nvague-ask = "info"\nno-attachment = "info"\n',
    )
    dot = write(
        project / ".intro-lint.toml", '[severity]\nvague-ask = "error"\n[weights]\nvague-ask = 30\n'
    )
    cli = {"severity": {"self-centered": "warning"}}
    settings, sources = load(project, home, cli)
    assert settings.severity == {
        "vague-ask": "error",
        "no-attachment": "info",
        "self-centered": "warning",
    }
    assert sources["severity"] == f"user file {user} + project file {dot} + command line"
    assert settings.weights == {"vague-ask": 30} and sources["weights"] == f"project file {dot}"


def test_dict_source_drops_layers_whose_keys_were_all_overridden(project: Path, home: Path) -> None:
    write(project / ".intro-lint.toml", "[weights]\nvague-ask = 30\n")
    _, sources = load(project, home, {"weights": {"vague-ask": 5}})
    assert sources["weights"] == "command line"


def test_lists_replace_rather_than_append(project: Path, home: Path) -> None:
    write(project / ".intro-lint.toml", 'ignore = ["a", "b"]\n')
    settings, _ = load(project, home, INTRO_LINT_IGNORE="c")
    assert settings.ignore == ["c"]


# --- environment --------------------------------------------------------------------


def test_environment_variables_are_parsed(project: Path, home: Path) -> None:
    dirs = os.pathsep.join(["/r/one", "/r/two"])
    env = {
        "INTRO_LINT_SELECT": "vague-ask, no-attachment,",
        "INTRO_LINT_IGNORE": "self-centered",
        "INTRO_LINT_MAX_BYTES": "2048",
        "INTRO_LINT_RULE_DIRS": dirs,
    }
    settings, sources = load(project, home, **env)
    assert settings.select == ["vague-ask", "no-attachment"]
    assert settings.ignore == ["self-centered"]
    assert settings.max_bytes == 2048
    assert settings.rule_dirs == ["/r/one", "/r/two"]
    assert sources["max_bytes"] == "environment INTRO_LINT_MAX_BYTES"


def test_empty_and_unknown_environment_variables_are_ignored(project: Path, home: Path) -> None:
    env = {"INTRO_LINT_SELECT": "", "INTRO_LINT_FAILON": "nope", "INTRO_LINT_SKIP": "vague-ask"}
    settings, sources = load(project, home, **env)
    assert settings == Settings() and set(sources.values()) == {"default"}
    assert unknown_env_vars({**env, "PATH": "/bin"}) == ["INTRO_LINT_FAILON"]


def test_no_color_turns_colour_off_below_the_command_line(project: Path, home: Path) -> None:
    settings, sources = load(project, home, NO_COLOR="1")
    assert settings.color is False and sources["color"] == "environment NO_COLOR"
    settings, _ = load(project, home, {"color": True}, NO_COLOR="1")
    assert settings.color is True


def test_process_environment_is_the_default(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(project))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("INTRO_LINT_FAIL_ON", "error")
    settings, sources = load_settings({}, project)
    assert settings.fail_on == "error" and sources["fail_on"] == "environment INTRO_LINT_FAIL_ON"


# --- command line -------------------------------------------------------------------


def test_cli_none_means_not_given_and_tuples_become_lists(project: Path, home: Path) -> None:
    write(project / ".intro-lint.toml", 'fail-on = "error"\n')
    cli = {
        "fail_on": None,
        "select": ("vague-ask,no-attachment", "long-silence"),
        "rule-dirs": ("a,b",),
    }
    settings, sources = load(project, home, cli)
    assert settings.fail_on == "error"
    assert settings.select == ["vague-ask", "no-attachment", "long-silence"]
    assert settings.rule_dirs == ["a,b"]  # paths are never split on commas
    assert sources["select"] == "command line"


# --- errors -------------------------------------------------------------------------


def test_wrong_value_names_file_field_and_choices(
    project: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / ".intro-lint.toml", 'fail-on = "loud"\n')
    monkeypatch.chdir(project)
    with pytest.raises(ConfigError) as err:
        load(project, home)
    assert str(err.value) == (
        ".intro-lint.toml: field fail-on: must be one of info, warning, error, never (got 'loud')"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('max-bytes = "5"\n', "field max-bytes: must be a positive integer (got '5')"),
        ("max-bytes = 0\n", "field max-bytes: must be a positive integer (got 0)"),
        (
            'select = "vague-ask"\n',
            "field select: must be a list of rule ids (strings) (got 'vague-ask')",
        ),
        ('ignore = ["a", 3]\n', "field ignore[1]: must be a string (got 3)"),
        (
            '[severity]\nvague-ask = "fatal"\n',
            "field severity.vague-ask: must be one of info, warning, error (got 'fatal')",
        ),
        (
            "[weights]\nvague-ask = 101\n",
            "field weights.vague-ask: must be an integer from 0 to 100 (got 101)",
        ),
        ('color = "yes"\n', "field color: must be true or false (got 'yes')"),
        ('fail-on = "info"\nfail_on = "error"\n', "field fail_on: given twice"),
    ],
)
def test_wrong_types_are_reported_precisely(
    project: Path, home: Path, text: str, expected: str
) -> None:
    dot = write(project / ".intro-lint.toml", text)
    with pytest.raises(ConfigError, match="^" + re.escape(f"{dot}: ")) as err:
        load(project, home)
    assert expected in str(err.value)


def test_unknown_key_lists_allowed_keys_and_a_guess(project: Path, home: Path) -> None:
    dot = write(project / ".intro-lint.toml", "colour = true\n")
    with pytest.raises(ConfigError) as err:
        load(project, home)
    message = str(err.value)
    assert message.startswith(f"{dot}: field colour: not a setting (did you mean color?)")
    assert "allowed: color, extend-select, fail-on, ignore, max-bytes" in message


def test_unknown_key_in_pyproject_table(project: Path, home: Path) -> None:
    pyproject = write(project / "pyproject.toml", "[tool.intro-lint]\nstrict = true\n")
    with pytest.raises(ConfigError, match="field strict: not a setting") as err:
        load(project, home)
    assert str(pyproject) in str(err.value)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('fail-on = "info"\nselect = [\n', "line 2"),
        ('fail-on = "info"\nbad key = 1\n', "line 2, column 5"),
        ('fail-on = "info\n', "line 1"),
    ],
)
def test_broken_toml_names_file_and_line(project: Path, home: Path, text: str, where: str) -> None:
    dot = write(project / ".intro-lint.toml", text)
    with pytest.raises(ConfigError) as err:
        load(project, home)
    assert str(err.value).startswith(f"{dot}: {where}")
    assert "not valid TOML" in str(err.value)


def test_broken_pyproject_on_the_way_up_is_an_error(project: Path, home: Path) -> None:
    pyproject = write(project / "pyproject.toml", "[tool\n")
    with pytest.raises(ConfigError, match="line 1") as err:
        load(project / "drafts", home)
    assert str(pyproject) in str(err.value)


def test_broken_user_file_is_an_error(project: Path, home: Path) -> None:
    user = write(home / ".config" / "intro-lint" / "config.toml", "x = \n")
    with pytest.raises(ConfigError) as err:
        load(project, home)
    assert str(err.value).startswith(f"{user}: line 1")


def test_bad_environment_value_names_the_variable(project: Path, home: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load(project, home, INTRO_LINT_MAX_BYTES="lots")
    assert (
        str(err.value)
        == "environment: INTRO_LINT_MAX_BYTES: must be a positive integer (got 'lots')"
    )


def test_unknown_cli_option_is_an_error(project: Path, home: Path) -> None:
    with pytest.raises(ConfigError, match="^command line: option --fail-level: not a setting"):
        load(project, home, {"fail_level": "error"})


# --- helpers ------------------------------------------------------------------------


def test_unknown_rule_ids_lists_each_once_in_order() -> None:
    settings = Settings(
        select=["a", "zz"], ignore=["b", "zz"], severity={"yy": "info"}, weights={"a": 1}
    )
    assert unknown_rule_ids(settings, {"a", "b"}) == ["zz", "yy"]
    assert unknown_rule_ids(Settings(), {"a"}) == []


def test_enabled_rules_select_extend_and_ignore() -> None:
    known = ["a", "b", "c", "d"]
    assert enabled_rules(Settings(), known) == known
    assert enabled_rules(Settings(ignore=["b"]), known) == ["a", "c", "d"]
    assert enabled_rules(Settings(select=["c", "a"], extend_select=["d"]), known) == ["a", "c", "d"]
    assert enabled_rules(Settings(select=["a"], ignore=["a"]), known) == []


def test_show_has_one_line_per_field_with_its_source(project: Path, home: Path) -> None:
    dot = write(project / ".intro-lint.toml", '[severity]\nvague-ask = "error"\n')
    settings, sources = load(project, home, {"fail_on": "never"})
    lines = show(settings, sources).splitlines()
    assert len(lines) == len(FIELDS)
    assert any(
        line.startswith('fail-on = "never"') and line.endswith("# command line") for line in lines
    )
    assert any(
        line.startswith('severity = { vague-ask = "error" }')
        and line.endswith(f"# project file {dot}")
        for line in lines
    )
    assert any(
        line.startswith("# select = (all rules)") and line.endswith("# default") for line in lines
    )


def test_show_output_is_toml_that_reads_back_to_the_same_settings() -> None:
    settings = Settings(
        select=["vague-ask"],
        ignore=['odd "id"'],
        severity={"weird key": "info"},
        weights={"a": 0},
        fail_on="never",
        rule_dirs=["C:\\rules", "ünï/cödé"],
        color=False,
    )
    data = tomllib.loads(show(settings, {}))
    assert (
        Settings.model_validate({key.replace("-", "_"): value for key, value in data.items()})
        == settings
    )


def test_rule_set_sits_above_defaults_and_below_every_other_layer(tmp_path):
    (tmp_path / ".intro-lint.toml").write_text(
        'rule-set = "job-search"\nweights = { vague-ask = 3 }\n'
    )
    settings, sources = load_settings({}, tmp_path, env={}, user_config=tmp_path / "none.toml")
    assert settings.weights["no-attachment"] == 20  # from the rule-set
    assert settings.weights["vague-ask"] == 3  # the project file overrides the rule-set
    assert settings.severity == {"long-silence": "info"}
    assert "rule-set file" in sources["weights"] and "project file" in sources["weights"]


def test_unknown_rule_set_names_the_built_in_ones(tmp_path):
    with pytest.raises(
        ConfigError, match=r"rule-set 'nope'.*built-in rule-sets: first-contact, job-search"
    ):
        load_settings({"rule_set": "nope"}, tmp_path, env={}, user_config=tmp_path / "none.toml")


def test_rule_set_file_with_unknown_key_names_file_and_field(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text("wieghts = { vague-ask = 3 }\n")
    with pytest.raises(ConfigError, match=r"mine.toml: field wieghts"):
        load_settings({"rule_set": str(bad)}, tmp_path, env={}, user_config=tmp_path / "none.toml")


# --- files that are not readable settings files ----------------------------------------------


def test_max_bytes_has_an_upper_bound_named_in_the_error(project: Path, home: Path) -> None:
    dot = write(project / ".intro-lint.toml", f"max-bytes = {10**30}\n")
    with pytest.raises(ConfigError) as err:
        load(project, home)
    assert str(err.value) == (
        f"{dot}: field max-bytes: must be a positive integer of at most 1,000,000,000 "
        f"(got {10**30})"
    )
    dot.unlink()
    assert load(project, home, {"max_bytes": MAX_BYTES_LIMIT})[0].max_bytes == MAX_BYTES_LIMIT
    with pytest.raises(ConfigError, match="^environment: INTRO_LINT_MAX_BYTES: must be"):
        load(project, home, INTRO_LINT_MAX_BYTES=str(MAX_BYTES_LIMIT + 1))


def test_a_folder_where_a_settings_file_belongs_is_an_error(project: Path, home: Path) -> None:
    (project / ".intro-lint.toml").mkdir()
    with pytest.raises(ConfigError) as err:
        load(project / "drafts", home)
    assert str(err.value) == f"{project / '.intro-lint.toml'}: is a directory, not a settings file"
    user = home / ".config" / "intro-lint" / "config.toml"
    user.mkdir(parents=True)
    (project / ".intro-lint.toml").rmdir()
    with pytest.raises(ConfigError, match=re.escape(f"{user}: is a directory")):
        load(project, home)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_settings_file_is_refused_unread(project: Path, home: Path) -> None:
    os.mkfifo(project / "pyproject.toml")
    with pytest.raises(ConfigError, match="is a named pipe, device or socket, not a settings file"):
        load(project, home)


def test_an_unreadable_settings_file_names_it(
    project: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dot = write(project / ".intro-lint.toml", "max-bytes = 5000\n")
    if os.name == "posix" and os.geteuid() != 0:
        dot.chmod(0)  # root reads it anyway: then the read is made to fail as it would
    else:
        real = Path.read_text

        def denied(self: Path, *args, **kwargs):
            if self == dot:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(ConfigError) as err:
        load(project, home)
    assert str(err.value) == f"{dot}: cannot read the file: Permission denied"


def test_a_settings_file_that_is_not_utf8_names_the_byte(project: Path, home: Path) -> None:
    dot = project / ".intro-lint.toml"
    dot.write_bytes(b"fail-on = 'warning'\npipeline = '\xe9'\n")
    with pytest.raises(ConfigError) as err:
        load(project, home)
    assert str(err.value) == f"{dot}: not UTF-8 text (byte 32: invalid continuation byte)"


def test_a_rule_set_path_that_is_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").mkdir()
    with pytest.raises(ConfigError, match="mine.toml: is a directory, not a settings file"):
        load_settings({"rule_set": str(tmp_path / "mine.toml")}, tmp_path, env={})
