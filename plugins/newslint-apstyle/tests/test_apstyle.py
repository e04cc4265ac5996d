"""AP001-AP006 (data in ap.toml), tested with newslint.testing as any plugin author would."""

import os
import subprocess
import sys

import pytest

from newslint.testing import assert_lints, lines

AP = ["AP"]


def test_ap001_small_numbers_counting_things():
    assert_lints(
        "Police said 3 people and 4 police officers were hurt in 2 car-bombs.\n",
        """
        1:13: AP001 AP style spells out numbers below 10: "three", not "3"
        1:26: AP001 AP style spells out numbers below 10: "four", not "4"
        1:57: AP001 AP style spells out numbers below 10: "two", not "2"
        """,
        select=AP,
    )


@pytest.mark.parametrize("text", [
    "A 3-year-old boy, 5 years old, was found.",       # ages take figures
    "Prices rose 4 percent, or 3 points, to $5 billion.",  # percentages, points, money
    "He is 6 feet tall and ran 3 miles at 7 a.m.",     # dimensions, times
    "It won 3-2 in Game 7 on Route 9, and No. 2 fell.",  # scores, numbered things
    "It took 4.5 hours and 12 days; 1,5 pounds.",      # decimals, 10 and above
    '"We saw 3 people," he said.',                    # quoted speech is left alone
])
def test_ap001_leaves_figures_ap_keeps(text):
    assert lines(text, select=["AP001"]) == []


def test_ap002_percent_one_word_with_a_safe_fix():
    [d] = assert_lints("Growth was 5 Per Cent in May.\n",
                       '1:14: AP002 AP style writes "Percent", not "Per Cent"', select=AP)
    assert d.fix.safe
    assert lines("Growth was 5 percent, 6%.\n", select=AP) == []


def test_ap003_months_with_a_specific_date():
    assert_lints(
        "The vote on December 5 moved to Jul. 9 and then Sept 3.\nIt ends Oct 12, 2017.\n",
        """
        1:13: AP003 AP style with a date: "Dec.", not "December"
        1:33: AP003 AP style with a date: "July", not "Jul."
        2:9: AP003 AP style with a date: "Oct.", not "Oct"
        """,
        select=AP,
    )


@pytest.mark.parametrize("text", [
    "It happened in December 2017 and in March.",  # no specific date: spelled out
    "The vote on Dec. 5 moved to July 9 and March 3.",  # already AP
    "In October 10 percent fell.",  # a figure that is not a day
])
def test_ap003_silent(text):
    assert lines(text, select=["AP003"]) == []


def test_ap004_more_than_with_figures():
    assert_lints(
        "Over 500 people came, and over $3 million was raised.\n",
        """
        1:1: AP004 With figures, AP prefers "More than" to "Over"
        1:27: AP004 With figures, AP prefers "more than" to "over"
        """,
        select=AP,
    )


@pytest.mark.parametrize("text", [
    "Prices rose over 10 years and over the 2016 season.",  # over = during
    "Sales rose 4 percent over 2016 levels.",  # a year
    "She took over 3 companies; he handed over 2 suspects.",  # phrasal verbs
    "Talks over 5 issues stalled after the 3-1 win over 2-1 losers.",  # about; scores
])
def test_ap004_silent(text):
    assert lines(text, select=["AP004"]) == []


def test_ap005_postal_codes_after_a_city():
    assert_lints(
        "She moved from Sacramento, CA to Austin, TX, and then Washington, DC.\n",
        """
        1:28: AP005 AP style after a city: "Calif.", not the postal code "CA"
        1:42: AP005 AP style after a city: "Texas", not the postal code "TX"
        1:67: AP005 AP style after a city: "D.C.", not the postal code "DC"
        """,
        select=AP,
    )
    assert lines("Toyota, GM, VW and Ford, GM Korea. Sacramento, Calif. It is IN stock.\n", select=["AP005"]) == []


def test_ap006_said_not_stated():
    assert_lints(
        'The minister stated that talks would resume, the report stated.\n'
        'Its stated goal, as stated above, was clear. "I stated it," he said.\n',
        """
        1:14: AP006 For attribution AP prefers "said" to "stated"
        1:57: AP006 For attribution AP prefers "said" to "stated"
        """,
        select=AP,
    )


def test_ap_rules_are_opt_in():
    text = "Over 500 people and 3 people stated it on December 5, 5 per cent.\n"
    assert lines(text, select=["AP001", "AP002"]) != []
    assert [line for line in lines(text) if " AP0" in line] == []  # not without selecting them


def test_listed_by_rules_and_plugins(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=60).stdout

    assert "apstyle 0.1.0: 6 rules, prefixes AP" in cli("plugins")
    listing = [line for line in cli("rules").splitlines() if line.startswith("AP0")]
    assert len(listing) == 6 and all("[opt-in]" in line and "apstyle" in line for line in listing)
    assert "## Why is this bad?" in cli("rule", "AP003")


def test_every_pattern_in_the_data_file_compiles():
    """The plugin compiles its patterns on first use; this makes a bad one fail here, not for a user."""
    from newslint.datarules import load_rule_file
    from newslint_apstyle.plugin import RULES_FILE

    assert [r.code for r in load_rule_file(RULES_FILE, compile_now=True)] == [f"AP00{n}" for n in range(1, 7)]
