"""WEB002 duplicate-block (fixtures: tests/fixtures/WEB002/)."""

import newslint


def test_duplicate_blocks_found_by_the_start_of_their_key():
    first = "Rebels enter the town of Saraqeb in Idlib province, Syria, Feb. 27, 2020."
    text = "\n\n".join([
        first,
        "Rebels enter the town of Saraqeb in Idlib province, Syria, on a quiet day in March.",  # same start only
        "REBELS ENTER -- the town of Saraqeb in Idlib province; Syria, Feb 27 2020",  # same key
        first + "Credit: AFP",  # more after it
        "Short line",
    ]) + "\n"
    messages = [d.message for d in newslint.lint_text(text, "a.txt", select=["WEB002"])]
    assert messages == [
        "This block repeats the one on line 1",
        "This block repeats, with more after it, the one on line 1",
    ]


def test_a_body_that_repeats_its_front_matter_is_not_a_duplicate():
    title = "Chipmaker unveils an accelerator as rivals race to catch up"
    text = (f'---\ntitle: "{title}"\nexcerpt: "{title}"\n---\n\n# {title}\n\n{title}.\n\n'
            f"The company said it would ship the chip later this year.\n")
    found = newslint.lint_text(text, "a.md", select=["WEB002"])
    assert [(d.line, d.message) for d in found] == [(8, "This block repeats the one on line 6")]
