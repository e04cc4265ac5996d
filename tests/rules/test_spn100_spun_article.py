"""SPN100 (spun-article): the article-level verdict."""

from __future__ import annotations

import newslint


def test_the_verdict_needs_both_a_count_and_a_density():
    dense = "Executive forces retook the town this thirty day period, point out media said."
    [d] = newslint.lint_text(dense, "a.txt", select=["SPN100"])
    assert (d.line, d.column) == (1, 1)
    assert "3 spinner phrases in 13 words" in d.message
    two = "Executive forces retook the town this thirty day period, officials said."
    assert newslint.lint_text(two, "a.txt", select=["SPN100"]) == []
    long_article = dense + " The council met." * 300
    assert newslint.lint_text(long_article, "a.txt", select=["SPN100"]) == []


# Spun by hand the way a thesaurus spinner does it, with synonyms no table lists: each swap a
# real word that edited copy would say with a far commoner one (lawgivers: lawmakers, belike:
# probably, junto: faction, right smart: way).
SPUN = ("The lawgivers phoned the governor on Tuesday, and the headland of the junto said the "
        "plan was a right smart gimmick. The vote will belike devolve to a nous of the senate, "
        "officials said.")


def verdicts(text: str) -> list[str]:
    return [d.message for d in newslint.lint_text(text, "a.txt", select=["SPN100"])]


def test_a_spinner_no_table_lists_is_judged_by_its_unlikely_wordings():
    [message] = verdicts(SPUN)
    assert "wordings a commoner synonym would say" in message
    assert '"belike" for "probably"' in message  # the heaviest evidence is quoted
    assert "makes a verdict" in message  # the evidence and what a verdict needs, to sort by


def test_the_same_words_in_a_quotation_or_a_name_are_no_evidence():
    quoted = 'The senator said: "' + SPUN.replace('"', "") + '"'
    assert verdicts(quoted) == []
    named = " ".join(w.capitalize() for w in SPUN.split())  # a headline, or every word a name
    assert verdicts(named) == []


def test_a_rare_word_counts_once_however_often_it_recurs():
    # a story about lawgivers says "lawgivers" again and again: one piece of evidence
    text = "The lawgivers met. " * 5 + "The council met on Tuesday and agreed the budget."
    assert verdicts(text) == []


def test_evidence_needed_grows_with_the_article():
    # the same seven swaps in a story ten times as long are what an honest writer might use
    long_story = SPUN + " The council met on Tuesday and agreed the budget for the year." * 60
    assert verdicts(long_story) == []


def test_spn001_reports_unlikely_wordings_only_in_an_article_judged_spun(tmp_path):
    reported = [d for d in newslint.lint_text(SPUN, "a.txt", select=["SPN001"])]
    assert {"lawgivers", "right smart", "belike"} <= {d.text for d in reported}
    lawgivers = next(d for d in reported if d.text == "lawgivers")
    assert lawgivers.suggestions == ("lawmakers",) and not lawgivers.fix.safe
    one = "The lawgivers phoned the governor on Tuesday, officials said."
    assert newslint.lint_text(one, "a.txt", select=["SPN001"]) == []
    config = tmp_path / "newslint.toml"
    config.write_text("[rules.SPN001]\nunlikely-wordings = false\n")
    assert newslint.lint_text(SPUN, "a.txt", select=["SPN001"], config=str(config)) == []


def test_the_synonym_file_is_sorted_as_its_bisection_needs():
    from newslint.rules.spin.synonyms import SynonymTable

    table = SynonymTable()
    lines = [line for line in table.text[table.start :].split("\n") if line]
    assert all(len(line.split("\t")) == 4 for line in lines)
    forms = [line.split("\t")[0] for line in lines]
    assert forms == sorted(forms) and len(set(forms)) == len(forms)
    assert "right smart" in [s.form for s in table.by_first_word["right"]]
    assert [s.likely for s in table.by_first_word["lawgivers"]] == ["lawmakers"]
    assert table.by_first_word["said"] == () and table.by_first_word["zzzz"] == ()


# Rare synonyms a spinner leaves beside the words their originals keep company with: "belike
# will" (probably will), "headland of" (head of), "gumption to" (sense to). The same words with
# no such neighbour (after a comma, before a full stop) are only rare words.
BROKEN_PAIRS = ("Officials belike will meet the headland of the council, and a nous of the town may "
                "devolve to the court. They had the gumption to ask, and a dustup in the hall followed "
                "the crapulence of the night.")
NO_PAIRS = ("Officials will meet, belike. Headland, council, nous: the town, devolve. They had "
            "gumption. Ask in the hall: dustup, crapulence, night.")
FILLER = " The council met on Tuesday and agreed the budget for the year." * 64


def test_rare_synonyms_that_break_common_word_pairs_weigh_more_than_the_words_alone():
    [message] = verdicts(BROKEN_PAIRS + FILLER)
    assert 'common word pairs broken ("belike will" for "probably will")' in message
    assert verdicts(NO_PAIRS + FILLER) == []  # the same seven words, in no pair: short of a verdict
    assert verdicts(FILLER) == []
    belike = next(d for d in newslint.lint_text(BROKEN_PAIRS + FILLER, "a.txt", select=["SPN001"])
                  if d.text == "belike")
    assert belike.message.endswith('("probably will" is a common pair, "belike will" is not)')
    assert belike.suggestions == ("probably",)


def test_the_pairs_a_swap_breaks_are_counted_once_and_only_around_lowercase_words():
    from newslint.context import RunContext
    from newslint.parse import parse
    from newslint.rules.spin.synonyms import document_evidence

    twice = parse("They belike will go. They belike will stay. Belike Will said so.", "a.txt")
    evidence = document_evidence(twice, RunContext())
    assert [(c.written, c.likely) for c in evidence.confirmed] == [("belike will", "probably will")]
    assert twice.text[evidence.confirmed[0].start : evidence.confirmed[0].end] == "belike will"
    assert document_evidence(parse(NO_PAIRS, "a.txt"), RunContext()).confirmed == []


def test_the_pair_file_is_sorted_as_its_bisection_needs_and_says_where_it_comes_from():
    from newslint.context import data_path
    from newslint.rules.spin import synonyms
    from newslint.rules.spin.synonyms import PairTable

    table = PairTable()
    lines = table.text.strip("\n").split("\n")
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert all(len(line.split(" ")) == 2 for line in lines)
    assert table.attested("probably", "will") and not table.attested("belike", "will")
    assert not table.attested("zzzz", "zzzz") and not table.attested("", "")
    with open(data_path(synonyms.__file__, synonyms.PAIRS), encoding="utf-8") as f:
        header = "".join(line for line in f if line.startswith("#"))
    assert "Google Books Ngram" in header and "MIT" in header and "build_spin_bigrams.py" in header
