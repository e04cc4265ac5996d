"""The spinner phrase table shared by SPN001 and SPN100: its language, the trie it builds,
and what the matcher makes of case, echoes and patterns that match the original wording."""

from __future__ import annotations

import pytest

import newslint
from newslint.rules.spin.phrases import TableError, load_table, parse_table


def spin(text: str, path: str = "a.txt", select=("SPN001",)) -> list[str]:
    return [d.text for d in newslint.lint_text(text, path, select=list(select))]


def test_the_shipped_table_loads_and_every_line_says_where_it_comes_from():
    from newslint.context import data_path
    from newslint.rules.spin import phrases

    entries = parse_table(open(data_path(phrases.__file__, phrases.TABLE), encoding="utf-8").read())
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


def test_a_capital_in_the_table_means_case_matters():
    assert spin("Point out Tv set later confirmed the report.") == ["Point out Tv set"]
    assert spin("He bought a new TV set for the bar.") == []


def test_a_case_only_swap_is_reported_when_the_table_asks_for_case():
    assert spin("Talks with the Uk resumed.") == ["the Uk"]
    assert spin("Talks with the UK resumed.") == []


def test_punctuation_that_looks_like_a_trie_marker_is_just_text():
    assert spin("x = y; a <num> b, = Tv set") == ["Tv set"]


def test_an_echo_phrase_needs_the_same_swap_elsewhere_in_the_article():
    alone = "The executive reopened the road on Monday."
    assert spin(alone) == []
    assert spin(alone + " Executive forces shelled the town.") == ["The executive", "Executive forces"]


def test_a_pattern_that_also_matches_the_original_wording_reports_nothing():
    # "under <cap> army handle|management" shares its frame with the honest "under ... control".
    assert spin("The town is under Syrian army control.") == []
    assert spin("The town is underneath Syrian army handle.") == ["underneath Syrian army handle"]


def test_the_sentence_sieve_of_a_large_document_tries_every_entry_its_words_could_match():
    """A large document holds the words of most of the table, so the sieve narrowed to it
    keeps most entries; a sentence must still pass exactly when it holds some entry's words."""
    from newslint.rules.spin.phrases import _holds, candidates, could_match

    _, prefilter = load_table()
    entries = [needed for listed in prefilter[0].values() for needed in listed]
    every_word = {w for needs_all, needs_any in entries for w in needs_all.union(*needs_any)}
    narrowed = candidates(every_word, prefilter)
    assert sum(map(len, narrowed.values())) == len(entries)  # the document lets every entry in
    sentences = []
    for needs_all, needs_any in entries:
        holding = set(needs_all) | {min(any_of) for any_of in needs_any}
        sentences += [holding, holding - {max(needs_all | {""}, key=len)}, {"the", "said"} | holding]
    for words in sentences:
        assert could_match(words, narrowed) == any(_holds(words, needed) for needed in entries)
    assert not could_match({"the", "government", "said"}, narrowed)
