"""SEN001 truncated-paragraph (fixtures: tests/fixtures/SEN001/)."""

from newslint.testing import lines

TITLE = "Rebels retake a town in the north\n\n"
BODY = "\n\nThe army said on Monday that it had withdrawn from the area after three days of fighting.\n"


def sen001(text: str) -> list[str]:
    return lines(text, select=["SEN001"])


def test_a_cut_lede_is_reported_like_any_paragraph():
    lede = ("Government forces and their allies pushed into the town on Thursday after a week of heavy "
            "shelling that had forced thousands of families to flee toward the")
    [line] = sen001(TITLE + lede + BODY)
    assert line.startswith("3:") and '"the"' in line


def test_a_lede_of_a_full_sentence_and_a_fragment_is_cut():
    lede = ("Rebels retook the town on Thursday. Officials in the capital said that the government "
            "forces and their allies had sustained")
    [line] = sen001(TITLE + lede + BODY)
    assert line.startswith("3:") and '"sustained"' in line


def test_a_short_standfirst_and_a_headline_are_not_cut_paragraphs():
    assert sen001(TITLE + "The fall of the town opens the road to the provincial capital" + BODY) == []
    assert sen001("'Can we go home?' Families return to the town as U.S. envoy visits\n\n" + BODY) == []


def test_an_editors_note_and_a_trailing_link_end_a_paragraph():
    text = TITLE + "The talks resumed on Monday." + BODY
    assert sen001(text + "\n(This story corrects the date in the second paragraph)\n") == []
    assert sen001(text + "\nMore on the talks: bit.ly/talks2020\n") == []


def test_wire_credits_and_correction_notes_are_not_cut_paragraphs():
    text = TITLE + "The talks resumed on Monday." + BODY
    assert sen001(text + "\nSee more at The Talks [www.example.com/talks] (Reporting by Ann Lee; Editing by Bo Chan)\n") == []
    assert sen001(text + "\nThe story was refiled to correct paragraph 4 to say the talks began in 2007, not 2009\n") == []
    cut = "\nThe story was filed as the talks began, and the two sides agreed to meet again in the\n"
    assert len(sen001(text + cut)) == 1  # a paragraph about a story is not a note


def test_object_her_ends_a_sentence():
    assert sen001(TITLE + "He said he did not know anything about her." + BODY) == []


def test_a_short_last_line_that_ends_on_a_word_no_line_ends_on_is_cut():
    text = TITLE + "The talks resumed on Monday." + BODY
    for cut in ("A vice chair post is", "She met with investigators for", "Neither side would say whether",
                "“The senator should resign,”"):
        [line] = sen001(text + "\n" + cut + "\n")
        assert line.startswith("7:") and "no full stop" in line
    # captions, labels and subheads end otherwise, or on a verb's particle
    for label in ("Fighters in Idlib province", "Already signed up? LOG IN", "Who is he", "What happens next"):
        assert sen001(text + "\n" + label + "\n") == [], label
