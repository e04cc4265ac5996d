"""SEN003 glued-sentences (fixtures: tests/fixtures/SEN003/)."""

from newslint.rules.sentences.sen003_glued_sentences import GLUED_RE


def test_the_pattern_rewritten_for_speed_matches_like_its_plain_spelling(same_matches):
    plain = r"(?:(?<=[^\W\d_]{2})(?<![A-Z]{2})|(?<=\d))([.!?])(?=[A-Z][a-z])"
    same_matches(GLUED_RE, plain, "aZ.!?1 \néÉ_AbB")
