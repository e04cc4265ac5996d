"""TYP002 name-variant: a name spelled two ways in one article."""

import newslint


def test_name_variant_ignores_dictionary_words_unless_they_fold_alike():
    text = (
        "Rebels entered Saraqeb. Saraqeb fell. The retaking of Sarqeb was a setback. "
        "Erdoğan spoke. Erdogan spoke. Erdogan left. The Syrian army and the Syrians.\n"
    )
    reported = {d.text for d in newslint.lint_text(text, "a.txt", select=["TYP002"])}
    assert reported == {"Sarqeb", "Erdoğan"}


def test_the_count_in_the_message_is_in_words_a_reader_expects():
    from newslint.testing import lines

    [line] = lines("Credico met WikiLeaks staff. He praised Wikileaks and Wikileaks again.\n", select=["TYP002"])
    assert line.endswith('"WikiLeaks" is spelled "Wikileaks" elsewhere in the article (2 times)')
    [once] = lines("Credico met WikiLeaks staff. He praised Wikileaks.\n", select=["TYP002"])
    assert once.endswith("(1 time)")
