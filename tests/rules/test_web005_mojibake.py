"""WEB005 mojibake (fixtures: tests/fixtures/WEB005/)."""

from newslint.rules.web.web005_mojibake import _CONTINUATION, MOJIBAKE_RE


def test_the_pattern_rewritten_for_speed_matches_like_its_plain_spelling(same_matches):
    plain = f"(?:[\u00c2-\u00ef][{_CONTINUATION}]{{1,3}})+"
    same_matches(MOJIBAKE_RE, plain, "aÂÃâ€™\u0080\u00a9\u00ef\u2019\u2122 ")
