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
