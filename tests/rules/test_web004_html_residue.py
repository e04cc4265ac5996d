"""WEB004 html-residue (fixtures: tests/fixtures/WEB004/)."""

import newslint


def test_web004_fix_writes_the_character():
    from newslint.engine import apply_fixes

    text = "Since 2012.&hellip; The minister&#8217;s view&nbsp;here."
    diagnostics = newslint.lint_text(text, "a.txt", select=["WEB004"])
    assert apply_fixes(text, diagnostics) == ("Since 2012.… The minister’s view&nbsp;here.", 2)


def test_web004_no_fix_that_would_break_a_quoted_yaml_scalar():
    text = "---\ntitle: 'It&#39;s over'\n---\nBody.\n"
    [d] = newslint.lint_text(text, "a.md", select=["WEB004"])
    assert d.fix is None


def test_html_residue_and_mojibake_skip_clean_articles_but_not_dirty_ones():
    clean = "The government reopened the road.\n"
    assert newslint.lint_text(clean, "a.txt", select=["WEB004", "WEB005", "SEN003"]) == []
    dirty = "It reopened.&hellip; The ministerâ€™s office said.The road [caption]x[/caption] <br>\n"
    assert [(d.code, d.text) for d in newslint.lint_text(dirty, "a.txt", select=["WEB004", "WEB005", "SEN003"])] == [
        ("WEB004", "&hellip;"), ("WEB005", "â€™"), ("SEN003", "said.The"),
        ("WEB004", "[caption]"), ("WEB004", "[/caption]"), ("WEB004", "<br>"),
    ]
