"""What the typos rules share of a document's words (newslint.rules.typos.words)."""

from newslint.parse import parse


def test_document_words_mark_where_sentences_start():
    from newslint.rules.typos.words import document_words

    doc = parse("One two. Three four five.\n\nSix.\n", "a.txt")
    words = document_words(doc)
    assert words.texts == ["One", "two", "Three", "four", "five", "Six"]
    assert {0, 2, 5} <= words.sentence_starts and not {1, 3, 4} & words.sentence_starts
