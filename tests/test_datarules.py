"""Rules as data (datarules.py): the four kinds, scopes, validation errors, and the CLI around them."""

import pytest

from newslint.errors import NewslintError
from newslint.testing import assert_lints, lint, lines

SAID = {"code": "HSE001", "name": "said-not-stated", "kind": "substitution",
        "message": 'Use "{replacement}", not "{match}"', "swap": {"stated": "said", "per cent": "percent"}}


def rules(*tables) -> dict:
    return {"data-rules": list(tables)}


def test_substitution_reports_suggests_and_skips_quoted_speech():
    text = 'The minister stated it rose 5 per cent. "I stated nothing," he said.\n'
    [stated, per_cent] = assert_lints(text, """
        1:14: HSE001 Use "said", not "stated"
        1:31: HSE001 Use "percent", not "per cent"
    """, select=["HSE"], config=rules(SAID))
    assert stated.suggestions == ("said",) and stated.fix is None
    assert lines(text, select=["HSE"], config=rules({**SAID, "quotes": True}))[-1] == '1:44: HSE001 Use "said", not "stated"'


def test_substitution_ignore_case_keeps_the_capital_and_offers_a_safe_fix():
    text = "Stated simply, it is over.\n"
    assert lines(text, select=["HSE"], config=rules(SAID)) == []  # case-sensitive by default
    [d] = lint(text, select=["HSE"], config=rules({**SAID, "ignore-case": True, "fix": True}))
    assert d.message == 'Use "Said", not "Stated"' and d.fix.safe and d.fix.edits[0].content == "Said"


def test_entries_are_whole_words_and_regexes_with_their_own_groups_map_back():
    table = {**SAID, "swap": {"Sept(ember)?": "Sep.", "colou?r": "hue", "stated": "said"}}
    assert lines("Colors, colour and color. Restated; stated. In September.\n", select=["HSE"],
                 config=rules(table)) == [
        '1:9: HSE001 Use "hue", not "colour"',
        '1:20: HSE001 Use "hue", not "color"',
        '1:37: HSE001 Use "said", not "stated"',
        '1:48: HSE001 Use "Sep.", not "September"',
    ]


def test_existence_and_scope():
    table = {"code": "HSE002", "kind": "existence", "message": 'Avoid "{match}"', "tokens": ["irregardless", "very unique"],
             "scope": ["prose", "~heading"]}
    text = "# Irregardless and very unique\n\nIt was very unique, irregardless.\n"
    assert_lints(text, """
        3:8: HSE002 Avoid "very unique"
        3:21: HSE002 Avoid "irregardless"
    """, path="a.md", select=["HSE"], config=rules(table))
    assert lines(text, path="a.md", select=["HSE"], config=rules({**table, "scope": ["heading"], "ignore-case": True})) == [
        '1:3: HSE002 Avoid "Irregardless"', '1:20: HSE002 Avoid "very unique"']


def test_consistency_the_first_form_sets_the_article_spelling():
    table = {"code": "HSE003", "kind": "consistency", "message": '"{match}" here but "{other}" earlier',
             "either": {"adviser": "advisor", "toward": "towards"}}
    assert_lints("The advisor met an adviser, then another advisor.\nHe walked towards it.\n", """
        1:20: HSE003 "adviser" here but "advisor" earlier
    """, select=["HSE"], config=rules(table))
    assert lines("Toward the end, towards the sea.\n", select=["HSE"], config=rules({**table, "ignore-case": True})) == [
        '1:17: HSE003 "towards" here but "Toward" earlier']


def test_occurrence_per_sentence_and_per_document():
    table = {"code": "HSE004", "kind": "occurrence", "message": "{count} words, more than {max}",
             "token": r"\w+", "max": 5}
    text = "One two three four five.\nOne two three four five six seven.\n"
    assert_lints(text, "2:1: HSE004 7 words, more than 5", select=["HSE"], config=rules(table))
    [d] = lint(text, select=["HSE"], config=rules({**table, "per": "document", "max": 10}))
    assert (d.line, d.column, d.text, d.message) == (2, 25, "six", "12 words, more than 10")


def test_defaults_and_metadata_of_a_data_rule():
    from newslint.compose import compose
    from newslint.config import settings_from_table
    from newslint.plugins import load_plugins
    from newslint.rule import missing_doc_sections

    registry = load_plugins()
    composition = compose(settings_from_table(rules({**SAID, "severity": "error", "enabled": False}), ".",
                                              "x/newslint.toml"), registry)
    rule = composition.registry.rules["HSE001"]
    assert (rule.name, rule.family, rule.severity, rule.enabled_by_default, rule.plugin) == (
        "said-not-stated", "house-style", "error", False, "newslint.toml")
    assert missing_doc_sections(rule) == [] and '"stated" -> "said"' in rule.summary()
    assert "HSE001" not in registry.rules  # the registry the configuration extends is untouched
    assert lines("He stated it.", config=rules({**SAID, "enabled": False})) == []


@pytest.mark.parametrize("table, problem", [
    ({**SAID, "kind": "exists"}, "'data-rules[0] (HSE001).kind': expected one of existence, substitution, consistency, occurrence, got 'exists'"),
    ({k: v for k, v in SAID.items() if k != "swap"}, "'data-rules[0] (HSE001).swap': missing"),
    ({k: v for k, v in SAID.items() if k != "message"}, "'data-rules[0] (HSE001).message': missing"),
    ({**SAID, "swap": {"stat(ed": "said"}}, "'data-rules[0] (HSE001).swap': bad pattern 'stat(ed': missing )"),
    ({**SAID, "message": "Use {replacment}"}, "'data-rules[0] (HSE001).message': unknown placeholder {replacment} (a substitution rule has {match}, {replacement})"),
    ({**SAID, "scope": ["headline"]}, "'data-rules[0] (HSE001).scope': unknown scope 'headline'"),
    ({**SAID, "code": "HSE1"}, "'data-rules[0] (HSE1).code': 'HSE1' is not 2-5 capital letters and 3 digits"),
    ({**SAID, "name": "Said Not Stated"}, "'data-rules[0] (HSE001).name': 'Said Not Stated' is not kebab-case"),
    ({**SAID, "severity": "fatal"}, "'data-rules[0] (HSE001).severity': expected one of error, warning, info, got 'fatal'"),
    ({**SAID, "colour": "red"}, "'data-rules[0] (HSE001).colour': unknown key for a substitution rule"),
    ({**SAID, "ignore-case": "yes"}, "'data-rules[0] (HSE001).ignore-case': expected a boolean, got 'yes'"),
    ({**SAID, "code": "TYP901"}, "'data-rules': plugins 'newslint' and '<test config>' both claim the code prefix 'TYP' (TYP901)"),
])
def test_bad_rule_tables_are_one_error_naming_the_key(table, problem):
    with pytest.raises(NewslintError) as info:
        lint("Text.", config=rules(table))
    assert str(info.value).startswith("<test config>: ") and problem in str(info.value)


def test_a_code_defined_twice_is_an_error():
    with pytest.raises(NewslintError, match=r"'data-rules\[1\].code': HSE001 is defined twice"):
        lint("Text.", config=rules(SAID, {**SAID, "name": "other"}))


HOUSE_YAML = """\
defaults: {family: house, ignore-case: true}
rules:
  - code: HSE010
    kind: existence
    message: 'Avoid "{match}"'
    tokens: [irregardless]
"""


def test_rule_files_and_the_cli(run, write):
    write("newslint.toml", 'data-rule-files = ["styles/house.yaml"]\n[[data-rules]]\ncode = "HSE001"\n'
          'kind = "substitution"\nmessage = \'Use "{replacement}"\'\nswap = { stated = "said" }\n')
    write("styles/house.yaml", HOUSE_YAML)
    write("a.txt", "Irregardless, he stated it.\n<!-- newslint: disable-next-line HSE010 -->\nIrregardless.\n")
    result = run("check", "a.txt")
    assert result.lines[:2] == ['a.txt:1:1: HSE010 Avoid "Irregardless"', 'a.txt:1:18: HSE001 Use "said"']
    assert result.code == 1 and "NL100" not in result.out  # the suppression names a known rule and is used
    assert run("check", "--select", "HSE010", "a.txt").lines[:1] == ['a.txt:1:1: HSE010 Avoid "Irregardless"']
    listing = run("rules").out
    assert "HSE010  hse010" in listing and "house" in listing
    assert "Family: house" in run("rule", "HSE010").out
    assert run("check", "--select", "HSE999", "a.txt").err_lines == ["error: --select: unknown rule, prefix or name 'HSE999'"]


@pytest.mark.parametrize("content, problem", [
    ("rules: [", "invalid YAML"),
    ("rules: []\n", "'rules': expected a non-empty list of rule tables"),
    ("ruls: []\n", "'ruls': unknown key (known keys: rules, defaults)"),
    ("defaults: {message: x}\nrules: [{}]\n", "'defaults.message': not a default a rule file can set"),
    ("rules: [{code: HSE010, kind: existence, message: x, tokens: []}]\n", "'rules[0] (HSE010).tokens': expected a non-empty list"),
])
def test_bad_rule_files_are_one_line_exit_2(run, write, tmp_path, content, problem):
    write("newslint.toml", 'data-rule-files = ["house.yaml"]\n')
    write("house.yaml", content)
    write("a.txt", "Text.\n")
    result = run("check", "a.txt")
    assert result.code == 2 and len(result.err_lines) == 1 and "Traceback" not in result.err
    assert result.err_lines[0].startswith(f"error: {tmp_path / 'house.yaml'}: ") and problem in result.err_lines[0]


def test_a_missing_rule_file_names_the_configuration(run, write, tmp_path):
    write("newslint.toml", 'data-rule-files = ["nope.toml"]\n')
    write("a.txt", "Text.\n")
    result = run("check", "a.txt")
    assert result.code == 2
    assert result.err_lines == [f"error: {tmp_path / 'newslint.toml'}: 'data-rule-files': file not found: {tmp_path / 'nope.toml'}"]


def test_context_patterns_before_and_after_a_match():
    table = {"code": "HSE005", "kind": "substitution", "message": 'Use "{replacement}" with figures',
             "swap": {"over": "more than"}, "after": r" \$?\d", "not-after": r" \d+ (?:years|days)\b",
             "not-before": r"(?:took|handed) "}
    text = "Over 5 people and over $3 million. Over time, over 10 years. It took over 3 firms.\n"
    assert_lints(text, """
        1:19: HSE005 Use "more than" with figures
    """, select=["HSE"], config=rules(table))
    assert lines(text, select=["HSE"], config=rules({**table, "ignore-case": True})) == [
        '1:1: HSE005 Use "More than" with figures', '1:19: HSE005 Use "more than" with figures']
    with pytest.raises(NewslintError, match=r"'data-rules\[0\] \(HSE005\).after': bad pattern"):
        lint("x", config=rules({**table, "after": "(("}))


def test_a_rule_file_loaded_without_compiling_reports_a_bad_pattern_when_it_runs(tmp_path):
    from newslint.datarules import load_rule_file
    from newslint.parse import parse

    path = tmp_path / "r.toml"
    path.write_text("[[rules]]\ncode = 'HSE001'\nkind = 'existence'\nmessage = 'x'\ntokens = ['ok', 'bad(']\n")
    with pytest.raises(NewslintError, match=r"'rules\[0\] \(HSE001\).tokens': bad pattern 'bad\('"):
        load_rule_file(str(path))
    [rule] = load_rule_file(str(path), compile_now=False)
    with pytest.raises(NewslintError, match=r"'rules\[0\] \(HSE001\).tokens': bad pattern 'bad\('"):
        list(rule().check(parse("It is ok.", "a.txt")))


def test_a_linter_with_data_rules_survives_pickling(tmp_path):
    """Where -j spawns processes (no fork), the Linter is pickled to them with its rules."""
    import pickle

    from newslint.config import Overrides
    from newslint.engine import Linter

    (tmp_path / "newslint.toml").write_text(
        '[[data-rules]]\ncode = "HSE001"\nkind = "existence"\nmessage = \'Avoid "{match}"\'\ntokens = ["irregardless"]\n')
    story = tmp_path / "a.txt"
    story.write_text("Irregardless, it was irregardless.\n")
    linter = Linter(overrides=Overrides(select=("HSE",)))
    before = [(d.line, d.column, d.code, d.message) for d in linter.lint_file(str(story)).diagnostics]
    clone = pickle.loads(pickle.dumps(linter))
    after = [(d.line, d.column, d.code, d.message) for d in clone.lint_file(str(story)).diagnostics]
    assert before == after == [(1, 22, "HSE001", 'Avoid "irregardless"')]
    [rule] = [r for r in clone.composition_for(str(story)).registry.rules.values() if r.code == "HSE001"]
    assert rule.plugin == "newslint.toml" and rule.__name__ == "DataRule_HSE001"
