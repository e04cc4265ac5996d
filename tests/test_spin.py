"""Spun text: the phrase table's language, SPN001's context rules, the SPN100 verdict,
SPN002's alignment with a source, and the unsafe fixes."""

from __future__ import annotations

import pytest

import newslint
from newslint.engine import apply_fixes
from newslint.rules.spin import TableError, load_table, parse_table


def spin(text: str, path: str = "a.txt", select=("SPN001",)) -> list[str]:
    return [d.text for d in newslint.lint_text(text, path, select=list(select))]


# --- the table ------------------------------------------------------------------------------

def test_the_shipped_table_loads_and_every_line_says_where_it_comes_from():
    from newslint.lexicon import DATA_DIR

    entries = parse_table(open(f"{DATA_DIR}/spin_phrases.tsv", encoding="utf-8").read())
    assert sum(1 for e in entries for _ in e.spun_forms()) > 1000  # alternatives expand to this many
    assert {e.source for e in entries} <= {"seed", "issue", "spinner"}
    assert load_table()  # the trie builds


def test_a_malformed_line_names_its_line_number():
    with pytest.raises(TableError, match="line 2"):
        parse_table("a b\tc\tform\tseed\nno tabs here\n")
    with pytest.raises(TableError, match="line 1"):
        parse_table("a b\tc\tsometimes\tseed\n")


def test_alternatives_bind_to_one_part_of_a_hyphenated_word():
    [entry] = parse_table("rebel-held|controlled space\t{1}-{3} area\tform\tseed\n")
    keys = {keys for keys, _ in entry.spun_forms()}
    assert keys == {("rebel", "-", "held", "space"), ("rebel", "-", "controlled", "space")}


def test_underscore_joins_several_words_into_one_alternative():
    [entry] = parse_table("car_or_truck|motor_vehicle bomb\tcar bomb\tform\tspinner\n")
    keys = {keys for keys, _ in entry.spun_forms()}
    assert keys == {("car", "or", "truck", "bomb"), ("motor", "vehicle", "bomb")}


# --- SPN001 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("spun, original", [
    ("Executive forces shelled the town.", "Government forces"),
    ("Officials said 1000’s of people fled.", "thousands"),
    ("The town is now below opposition management.", "under opposition control"),
    ("The Paris-essentially based group said so.", "Paris-based"),
    ("Troops maintain killed 18 soldiers.", "have killed"),
    ("It happened earlier this thirty day period.", "earlier this month"),
    ("Rebels fired surface area-to-air missiles.", "surface-to-air"),
])
def test_spun_phrases_are_reported_with_the_likely_original(spun, original):
    [d] = newslint.lint_text(spun, "a.txt", select=["SPN001"])
    assert d.suggestions == (original,)
    assert d.fix is not None and not d.fix.safe  # the original is a guess: an unsafe fix


@pytest.mark.parametrize("honest", [
    "The chief executive said the executive branch would decide.",
    "The TV set was on. The state media said little.",
    "Shares moved in step with the wider market.",
    "He acknowledged as much on Tuesday and was widely acknowledged as the leader.",
    "The company will maintain control over costs and maintain sealed borders.",
    "The museum said its site visitors can buy tickets online.",
    "Considering the fact that he was ill, he did well.",
])
def test_honest_uses_of_the_same_words_are_not_reported(honest):
    assert spin(honest) == []


def test_a_capital_in_the_table_means_case_matters():
    assert spin("Point out Tv set later confirmed the report.") == ["Point out Tv set"]
    assert spin("He bought a new TV set for the bar.") == []


def test_wordings_inside_quotations_are_left_alone_but_written_forms_are_not():
    text = 'A fighter said they "ran away fancy rats" and "killed 1000\'s" of them.'
    assert spin(text) == ["1000's"]


def test_check_quotes_reports_wordings_inside_quotations_too(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('[rules.SPN001]\ncheck-quotes = true\n', encoding="utf-8")
    text = 'A fighter said they "ran away fancy rats."'
    got = [d.text for d in newslint.lint_text(text, str(tmp_path / "a.txt"), select=["SPN001"], config=str(config))]
    assert got == ["ran away fancy"]


def test_an_echo_phrase_needs_the_same_swap_elsewhere_in_the_article():
    alone = "The executive reopened the road on Monday."
    assert spin(alone) == []
    assert spin(alone + " Executive forces shelled the town.") == ["The executive", "Executive forces"]


def test_a_pattern_that_also_matches_the_original_wording_reports_nothing():
    # "under <cap> army handle|management" shares its frame with the honest "under ... control".
    assert spin("The town is under Syrian army control.") == []
    assert spin("The town is underneath Syrian army handle.") == ["underneath Syrian army handle"]


def test_a_phrase_split_across_lines_reads_as_one_in_the_message():
    [d] = newslint.lint_text("The toll rose sharply. In step\nwith officials, the toll rose.", "a.md", select=["SPN001"])
    assert d.message == 'spinner phrase "In step with": likely "According to"'


def test_unsafe_fixes_restore_the_originals_only_when_asked():
    text = "Executive forces retook the town, point out media said."
    diagnostics = newslint.lint_text(text, "a.txt", select=["SPN001"])
    assert apply_fixes(text, diagnostics) == (text, 0)
    assert apply_fixes(text, diagnostics, unsafe=True) == (
        "Government forces retook the town, state media said.", 2)


# --- SPN100 ---------------------------------------------------------------------------------

def test_the_verdict_needs_both_a_count_and_a_density():
    dense = "Executive forces retook the town this thirty day period, point out media said."
    [d] = newslint.lint_text(dense, "a.txt", select=["SPN100"])
    assert (d.line, d.column) == (1, 1)
    assert "3 spinner phrases in 13 words" in d.message
    two = "Executive forces retook the town this thirty day period, officials said."
    assert newslint.lint_text(two, "a.txt", select=["SPN100"]) == []
    long_article = dense + " The council met." * 300
    assert newslint.lint_text(long_article, "a.txt", select=["SPN100"]) == []


# --- SPN002 and the command line ------------------------------------------------------------

SOURCE = "Government forces retook the town on Tuesday, state media said. Turkey sent thousands of troops.\n"
DRAFT = "Executive forces retook the town on Tuesday, point out media said. Turkey sent hundreds of troops.\n"


def test_source_reports_swaps_and_changed_figures(run, write):
    write("wire.txt", SOURCE)
    write("draft.txt", DRAFT)
    result = run("check", "--select", "SPN002", "--source", "wire.txt", "draft.txt")
    assert result.code == 1
    assert result.lines[:3] == [
        "draft.txt:1:1: SPN002 \"Executive\" replaces the source's \"Government\"",
        "draft.txt:1:46: SPN002 \"point out\" replaces the source's \"state\"",
        "draft.txt:1:80: SPN002 figure changed from the source: \"hundreds\" where the source has \"thousands\"",
    ]


def test_the_source_itself_gives_no_reports(run, write):
    write("wire.txt", SOURCE)
    write("copy.txt", SOURCE)
    assert run("check", "--select", "SPN002", "--source", "wire.txt", "copy.txt").code == 0


def test_a_missing_source_is_one_clear_error(run, write):
    write("draft.txt", DRAFT)
    result = run("check", "--source", "nowhere.txt", "draft.txt")
    assert result.code == 2
    assert result.err_lines == ["error: nowhere.txt: cannot read the source: No such file or directory"]


def test_fix_leaves_unsafe_fixes_alone_and_unsafe_fixes_applies_them(run, write):
    path = write("draft.txt", "Executive forces retook the town.\n")
    result = run("check", "--select", "SPN001", "draft.txt")
    assert result.lines[-1].endswith("1 more with --fix --unsafe-fixes.")
    run("check", "--select", "SPN001", "--fix", "draft.txt")
    assert path.read_text() == "Executive forces retook the town.\n"
    assert run("check", "--select", "SPN001", "--diff", "draft.txt").out == ""
    diff = run("check", "--select", "SPN001", "--diff", "--unsafe-fixes", "draft.txt").out
    assert "+Government forces retook the town." in diff
    assert path.read_text() == "Executive forces retook the town.\n"  # --diff writes nothing
    run("check", "--select", "SPN001", "--fix", "--unsafe-fixes", "draft.txt")
    assert path.read_text() == "Government forces retook the town.\n"


def test_punctuation_that_looks_like_a_trie_marker_is_just_text():
    assert spin("x = y; a <num> b, = Tv set") == ["Tv set"]


def test_a_case_only_swap_is_reported_when_the_table_asks_for_case():
    assert spin("Talks with the Uk resumed.") == ["the Uk"]
    assert spin("Talks with the UK resumed.") == []


@pytest.mark.parametrize("honest", [
    "The fire spread quickly through the old fireplace and chimney.",
    "It was done as properly as possible, for illustration only.",
    "The faculty and students met the board of governors.",
    "Officials said 10 percentage points of the rise came from fuel.",
])
def test_more_honest_sentences_near_the_table(honest):
    assert spin(honest) == []
