"""newslint.testing: the helper plugin authors test their rules with."""

import pytest

from newslint.errors import NewslintError
from newslint.testing import assert_lints, expected_lines, lines, lint


def test_lines_are_line_column_code_message():
    assert lines("Paris in the the spring.\nAnd in in May.\n", select=["TYP003"]) == [
        '1:10: TYP003 Repeated word "the"',
        '2:5: TYP003 Repeated word "in"',
    ]


def test_assert_lints_passes_on_equal_lines_and_fails_with_a_readable_report():
    text = "Paris in the the spring.\n"
    [line] = lines(text, select=["TYP003"])
    assert_lints(text, f"""
        {line}
    """, select=["TYP003"])
    with pytest.raises(AssertionError) as info:
        assert_lints(text, "", select=["TYP003"])
    assert f"unexpected: {line}" in str(info.value)
    with pytest.raises(AssertionError) as info:
        assert_lints("Clean copy.\n", [line], select=["TYP003"])
    assert f"missing:    {line}" in str(info.value) and "(nothing)" in str(info.value)


def test_select_keeps_other_rules_out():
    text = "It ended.&hellip; in the the end"
    assert {line.split()[1] for line in lines(text)} == {"TYP003", "WEB004"}
    assert [line.split()[1] for line in lines(text, select=["WEB004"])] == ["WEB004"]


def test_config_table_is_validated_like_a_file():
    with pytest.raises(NewslintError, match="'rules': TYP001 has no option 'colour'"):
        lint("text", config={"rules": {"TYP001": {"colour": "red"}}})
    text = "The color of the plan.\n"
    assert lines(text, select=["TYP001"]) == []
    assert lines(text, select=["TYP001"], config={"rules": {"TYP001": {"dialect": "en-GB"}}}) == [
        '1:5: TYP001 Unknown word "color"; did you mean colour, colon, Colo?'
    ]


def test_path_suffix_picks_markdown():
    text = "`the the` is code.\n"
    assert lines(text, select=["TYP003"], path="a.md") == []
    assert len(lines(text, select=["TYP003"], path="a.txt")) == 1


def test_expected_lines_ignores_indentation_and_blank_lines():
    assert expected_lines("""
        1:2: X001 a

        3:4: X002 b
    """) == ["1:2: X001 a", "3:4: X002 b"]
    assert expected_lines("") == []
