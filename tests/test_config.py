"""Configuration: validation errors that name the key, and ruff-style selection."""

import pytest

from newslint.compose import Composition, compose
from newslint.config import Overrides, settings_from_table
from newslint.errors import ConfigError
from newslint.plugins import load_plugins

REGISTRY = load_plugins()


def settings(**table) -> Composition:
    return compose(settings_from_table(table, "/tmp", "/tmp/newslint.toml"), REGISTRY)


def enabled(table=None, path="/tmp/a.txt", **overrides) -> set[str]:
    overrides = {key: tuple(value) for key, value in overrides.items()}
    return set(settings(**(table or {})).enabled(Overrides(**overrides), path))


def test_defaults_enable_every_default_rule():
    assert enabled() == {code for code, rule in REGISTRY.rules.items() if rule.enabled_by_default}


def test_most_specific_selector_wins():
    assert "TYP003" not in enabled(select=["TYP"], ignore=["TYP003"])
    assert "TYP003" in enabled(select=["TYP003"], ignore=["TYP"])
    assert enabled(select=["repeated-word"]) == {"TYP003"}
    web = {c for c in REGISTRY.rules if c.startswith("WEB")}
    assert enabled(select=["WEB"], extend_select=["TYP003"]) == web | {"TYP003"}


def test_cli_select_replaces_the_configured_selection():
    assert enabled({"select": ["WEB004"]}) == {"WEB004"}
    assert enabled({"select": ["WEB"]}, select=["TYP003"]) == {"TYP003"}
    assert enabled({"select": ["WEB"]}, select=["TYP"]) == {c for c in REGISTRY.rules if c.startswith("TYP")}
    assert enabled({"select": ["TYP003"], "ignore": ["WEB004"]}, extend_select=["NL"]) == {"TYP003", "NL100"}


def test_per_file_ignores_match_relative_paths_and_names():
    table = {"per-file-ignores": {"wire/*.txt": ["WEB"], "draft-*.md": ["TYP003"]}}
    assert "WEB004" not in enabled(table, path="/tmp/wire/a.txt")
    assert "WEB004" in enabled(table, path="/tmp/other/a.txt")
    assert "TYP003" not in enabled(table, path="/tmp/deep/draft-1.md")


def test_severity_override_most_specific_wins():
    s = settings(severity={"TYP": "error", "repeated-word": "info"})
    assert s.enabled(Overrides(), None)["TYP003"] == "info"
    s = settings(severity={"WEB": "error"})
    assert s.enabled(Overrides(), None)["WEB004"] == "error"


@pytest.mark.parametrize(
    "table, key",
    [
        ({"selct": ["TYP"]}, "'selct': unknown key"),
        ({"select": "TYP"}, "'select': expected a list"),
        ({"select": ["NOPE"]}, "'select': unknown rule, prefix or name 'NOPE'"),
        ({"ignore": [3]}, "'ignore': expected strings"),
        ({"severity": {"TYP003": "fatal"}}, "'severity': 'TYP003' = 'fatal'"),
        ({"rules": {"TYP003": {"max": 3}}}, "TYP003 has no option 'max'"),
        ({"rules": {"XYZ999": {}}}, "'rules': 'XYZ999' is not a rule code or name"),
        ({"per-file-ignores": {"*.md": "TYP"}}, "'*.md' must map to a list"),
        ({"vocabulary": "missing.txt"}, "'vocabulary': file not found"),
    ],
)
def test_bad_configuration_names_the_key(table, key):
    with pytest.raises(ConfigError) as info:
        settings(**table)
    assert key in str(info.value) and str(info.value).startswith("/tmp/newslint.toml")


def test_a_known_prefix_without_rules_yet_is_accepted():
    assert settings(ignore=["SPN"]).settings.ignore == ("SPN",)


@pytest.mark.parametrize("config, files, expected", [
    ('accept = ["Saraqeb", "/foo(/"]\n', {},
     "newslint.toml: TYP001 'accept': bad pattern 'foo(': missing ), unterminated subpattern at position 3"),
    ('[rules.TYP001]\naccept = ["/[a-/"]\n', {},
     "newslint.toml: TYP001 'accept': bad pattern '[a-': unterminated character set at position 0"),
    ('vocabulary = "words.txt"\n', {"words.txt": "Saraqeb\n# names\n/ab[c/\n"},
     "newslint.toml: vocabulary file {root}/words.txt, line 3: bad pattern 'ab[c': "
     "unterminated character set at position 2"),
    ('[rules.ATR001]\ncues = ["according to", "/said(/"]\n', {},
     "newslint.toml: ATR001 'cues': bad pattern 'said(': missing ), unterminated subpattern at position 4"),
    ('[[data-rules]]\ncode = "HSE001"\nname = "no-x"\nkind = "existence"\nmessage = "x"\ntokens = ["x(y"]\n', {},
     "newslint.toml: 'data-rules[0] (HSE001).tokens': bad pattern 'x(y': missing )"),
])
def test_a_bad_pattern_is_one_configuration_error_naming_where_it_is(run, write, tmp_path, config, files, expected):
    write("newslint.toml", config)
    for name, text in files.items():
        write(name, text)
    write("a.txt", "The the army said.\n")
    write("b.txt", "The the town fell.\n")
    result = run("check", "a.txt", "b.txt")
    assert result.code == 2
    assert "Traceback" not in result.err
    [line] = result.err_lines
    assert line.startswith(f"error: {tmp_path}/" + expected.format(root=tmp_path)), line
