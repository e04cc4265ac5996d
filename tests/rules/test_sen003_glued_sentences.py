"""SEN003 glued-sentences (fixtures: tests/fixtures/SEN003/)."""

from newslint.rules.sentences.sen003_glued_sentences import GLUED_RE, PLAIN_GLUED
from newslint.testing import lines


def test_the_pattern_rewritten_for_speed_matches_like_its_plain_spelling(same_matches):
    same_matches(GLUED_RE, PLAIN_GLUED, "aZ.!?1 \néÉ_AbBI)”S")


def test_sentences_glued_after_acronyms_plurals_and_brackets():
    text = ("Agents of the FBI.At the hearing he spoke. He was in his 30s.He denied it. "
            "It cited the act (FARA).Though rare, it happens. They met on Tuesday.A White House aide "
            "said so. He declined to comment.U.S. officials agreed.\n")
    assert [line.split('"')[3] for line in lines(text, select=["SEN003"])] == [
        "FBI.At", "30s.He", "(FARA).Though", "Tuesday.A", "comment.U"]


def test_abbreviations_initials_and_decimals_are_not_glued():
    text = "The U.S.Army and J.R.R.Tolkien met in St.Louis; sales rose 1.5Bn, e.g.The figures.\n"
    assert lines(text, select=["SEN003"]) == []
