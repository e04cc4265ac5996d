"""TYP002 name-variant: a name spelled two ways in one article."""

import newslint


def test_name_variant_ignores_dictionary_words_unless_they_fold_alike():
    text = (
        "Rebels entered Saraqeb. Saraqeb fell. The retaking of Sarqeb was a setback. "
        "Erdoğan spoke. Erdogan spoke. Erdogan left. The Syrian army and the Syrians.\n"
    )
    reported = {d.text for d in newslint.lint_text(text, "a.txt", select=["TYP002"])}
    assert reported == {"Sarqeb", "Erdoğan"}
