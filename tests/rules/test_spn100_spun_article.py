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
