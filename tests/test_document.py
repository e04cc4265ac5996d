"""The Document model: front matter, blocks, masks, sentences, tokens and quoted speech."""

import pytest

from newslint.document import CODE, FIELD, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, SHORT
from newslint.errors import InputError
from newslint.parse import parse
from newslint.parse.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def kinds(doc) -> list[tuple[str, str]]:
    return [(b.kind, b.prose.strip()) for b in doc.blocks]


# -- front matter -----------------------------------------------------------------------------

FRONT = """---
title: Rebels retake town
categories: ["news"]
excerpt: 'It''s the first time since 2012.&hellip;'
summary: "A \\"quoted\\" word"
description: >
  Folded text
  over two lines.
url: /rebels-retake-town/
---

Body text here.
"""


def test_front_matter_text_fields_keep_their_true_positions():
    doc = parse(FRONT, "post.md")
    fields = {b.field_name: b for b in doc.blocks if b.kind == FIELD}
    assert set(fields) == {"title", "excerpt", "summary", "description"}
    assert fields["title"].text == "Rebels retake town"
    assert doc.position(fields["title"].start) == (2, 8)
    entity = FRONT.index("&hellip;")
    assert doc.position(entity) == (4, 43)
    assert fields["excerpt"].start < entity < fields["excerpt"].end
    assert fields["description"].text == "Folded text\n  over two lines."


def test_front_matter_keys_and_other_fields_are_masked():
    doc = parse(FRONT, "post.md")
    fm_end = FRONT.index("Body")
    masked = doc.prose[:fm_end]
    assert "categories" not in masked and "url" not in masked and "title:" not in masked
    assert "Rebels retake town" in masked
    assert "It 's the first time" in masked  # one mark of YAML's doubled quote is blanked
    assert 'A  "quoted " word' in masked  # backslash escapes blanked
    assert len(doc.prose) == len(doc.text)
    assert doc.front_matter["categories"] == ["news"]


def test_body_starts_after_front_matter():
    doc = parse(FRONT, "post.md")
    body = [b for b in doc.blocks if b.kind != FIELD]
    assert [(b.kind, b.text) for b in body] == [(PARAGRAPH, "Body text here.")]


@pytest.mark.parametrize(
    "text, where",
    [
        ("---\ntitle: [unclosed\n---\nBody.\n", "post.md:3:1"),
        ("---\ntitle: ok\nBody with no closing line.\n", "post.md:1:1"),
        ("---\n- a\n- list\n---\nBody.\n", "post.md:2:1"),
    ],
)
def test_malformed_front_matter_is_an_input_error_with_a_position(text, where):
    with pytest.raises(InputError) as info:
        parse(text, "post.md")
    assert str(info.value).startswith(where)
    assert "front matter" in str(info.value)


def test_toml_front_matter_is_masked_whole():
    doc = parse('+++\ntitle = "x"\n+++\nBody.\n', "post.md")
    assert [b.text for b in doc.blocks] == ["Body."]
    assert "title" not in doc.prose


def test_text_files_have_front_matter_too():
    doc = parse("---\ntitle: A title\n---\nBody.\n", "post.txt")
    assert [b.kind for b in doc.blocks] == [FIELD, PARAGRAPH]


# -- blocks -----------------------------------------------------------------------------------

MARKDOWN = """# A heading #

A paragraph that runs
over two lines.

- first item
- second item
  continued

> A quoted paragraph.

```python
code = "the the"
```

    indented code

Setext heading
--------------

| a | b |
|---|---|
| 1 | 2 |

Caption of a photo

<div>html block</div>

[ref]: https://example.com
"""


def test_markdown_blocks():
    doc = parse(MARKDOWN, "a.md")
    assert kinds(doc) == [
        (HEADING, "A heading"),
        (PARAGRAPH, "A paragraph that runs\nover two lines."),
        (LIST_ITEM, "first item"),
        (LIST_ITEM, "second item\n  continued"),
        (QUOTE, "A quoted paragraph."),
        (CODE, ""),
        (CODE, ""),
        (HEADING, "Setext heading"),
        (SHORT, "Caption of a photo"),
    ]
    for word in ("code =", "indented code", "html block", "example.com", "| 1 |", "----"):
        assert word not in doc.prose


def test_markdown_inline_masks():
    text = "See `the the` and [the site](https://x.org/a) or <b>bold</b> **strong** and www.example.com/x."
    doc = parse(text, "a.md")
    assert "`" not in doc.prose and "the the" not in doc.prose
    assert "the site" in doc.prose and "https" not in doc.prose
    assert "<b>" not in doc.prose and "bold" in doc.prose
    assert "**" not in doc.prose and "strong" in doc.prose
    assert "example.com" not in doc.prose
    assert len(doc.prose) == len(text)


def test_plain_text_one_block_a_line_for_scraped_pages():
    text = "Headline Of The Story Today\n\nShare on e-mail\nA caption, Feb. 27, 2020.\nA caption, Feb. 27, 2020.\n\nBody sentence one. Body two.\n"
    doc = parse(text, "a.txt")
    assert kinds(doc) == [
        (HEADING, "Headline Of The Story Today"),
        (SHORT, "Share on e-mail"),
        (PARAGRAPH, "A caption, Feb. 27, 2020."),
        (PARAGRAPH, "A caption, Feb. 27, 2020."),
        (PARAGRAPH, "Body sentence one. Body two."),
    ]


def test_plain_text_hard_wrapped_paragraph_is_one_block():
    text = (
        "The government offensive has displaced nearly a million\n"
        "people and left hundreds of civilians dead, the United\n"
        "Nations said on Thursday.\n"
    )
    doc = parse(text, "a.txt")
    assert len(doc.blocks) == 1 and doc.blocks[0].kind == PARAGRAPH
    assert len(doc.blocks[0].sentences) == 1


def test_plain_text_lists_quotes_and_urls():
    doc = parse("- an item\n> a quote\nSee https://example.com/page.\n", "a.txt")
    assert [b.kind for b in doc.blocks] == [LIST_ITEM, QUOTE, PARAGRAPH]
    assert "example.com" not in doc.prose


def test_links_without_a_scheme_are_masked_but_not_abbreviations():
    doc = parse("Polls (Graphic: tmsnrt.rs/2zoIC1A) show a lead in the U.S. and e.g. km/h or 24/7.\n", "a.txt")
    assert "tmsnrt" not in doc.prose and "2zoIC1A" not in doc.prose and "(Graphic: " in doc.prose
    assert "U.S." in doc.prose and "e.g." in doc.prose and "km/h" in doc.prose and "24/7" in doc.prose


def test_domains_are_masked_but_not_glued_sentences():
    doc = parse("He told the gazeta.ru portal, signed on change.org and HealthCare.gov. It ended.in the rain.Then\n", "a.txt")
    assert "gazeta" not in doc.prose and "change" not in doc.prose and "HealthCare" not in doc.prose
    assert "ended.in" in doc.prose and "rain.Then" in doc.prose


def test_comments_are_recorded_and_masked():
    doc = parse("<!-- newslint: disable TYP003 -->\nThe text.\n", "a.txt")
    assert [c.body.strip() for c in doc.comments] == ["newslint: disable TYP003"]
    assert "newslint" not in doc.prose
    assert [b.text for b in doc.blocks] == ["The text."]


def test_comment_inside_markdown_code_is_not_a_directive():
    doc = parse("```\n<!-- newslint: disable -->\n```\n", "a.md")
    assert doc.comments == []


# -- sentences --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        ("Aid reached the U.S. The agency said so.", ["Aid reached the U.S.", "The agency said so."]),
        ("Talks began on Feb. 5 in Ankara. Both sides came.", ["Talks began on Feb. 5 in Ankara.", "Both sides came."]),
        ("Mr. Smith and Dr. Jones met Gen. Lee at St. Mary's.", ["Mr. Smith and Dr. Jones met Gen. Lee at St. Mary's."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("Profits hit 1.5bn dollars. Shares rose 3.2 percent.", ["Profits hit 1.5bn dollars.", "Shares rose 3.2 percent."]),
        ("Al-Qaida-linked militants hold it. Turkey disagrees.", ["Al-Qaida-linked militants hold it.", "Turkey disagrees."]),
        ("“We won,” he said. “They ran.” Then it rained.", ["“We won,” he said.", "“They ran.”", "Then it rained."]),
        ("Is it over? No. It goes on!", ["Is it over?", "No.", "It goes on!"]),
        ("It was No. 1 in the list.", ["It was No. 1 in the list."]),
        ("He said.The end", ["He said.The end"]),
        ("It rose 5% in 2019. 2020 was worse.", ["It rose 5% in 2019.", "2020 was worse."]),
        ("Really?! Yes. Wait... Why?… Because.", ["Really?!", "Yes.", "Wait... Why?… Because."]),
        # a reference marker after the full stop ends the sentence with it
        ("It was “wise.”[nL2N1N80D3] Others fell. It is cited.[12] Then", ["It was “wise.”[nL2N1N80D3]", "Others fell.",
                                                                       "It is cited.[12]", "Then"]),
        # a list run into its paragraph: each item is a sentence of its own
        ("It ends in 2025. * Cuts the rate to 20%. • Keeps the credit. It is 5 * 3.",
         ["It ends in 2025.", "* Cuts the rate to 20%.", "• Keeps the credit.", "It is 5 * 3."]),
    ],
)
def test_sentence_splitter(text, expected):
    assert sentences(text) == expected


def test_sentences_carry_absolute_offsets():
    text = "Title\n\nFirst one. Second one."
    doc = parse(text, "a.txt")
    second = doc.blocks[1].sentences[1]
    assert (second.start, second.end) == (text.index("Second"), len(text))
    assert second.text == "Second one."


# -- tokens and quotes -------------------------------------------------------------------------


def test_tokens_keep_apostrophes_hyphens_and_units():
    doc = parse("Assad’s forces killed 948,000 in al-Qaida’s 1.5bn £3m 5% raid.", "a.txt")
    tokens = [(t.kind, t.text) for t in doc.tokens]
    assert ("word", "Assad’s") in tokens
    assert ("word", "al-Qaida’s") in tokens
    for number in ("948,000", "1.5bn", "£3m", "5%"):
        assert ("number", number) in tokens
    assert tokens[-1] == ("punct", ".")


def test_combining_marks_and_fractions_stay_inside_words():
    # Decomposed "café" (e + U+0301) is one word; these texts take the full Unicode pattern.
    doc = parse("The cafe\u0301 served 2½ cups in Tu\u0300 Duc.", "a.txt")
    assert [t.text for t in doc.tokens if t.kind == "word"] == ["The", "cafe\u0301", "served", "cups", "in", "Tu\u0300", "Duc"]
    assert ("number", "2") in [(t.kind, t.text) for t in doc.tokens]


def test_fast_token_pattern_agrees_with_the_full_one_on_every_character():
    """re's classes differ from regex's \\p{} classes only where token_pattern() falls back."""
    import regex

    from newslint.parse.tokens import FAST_RE, FULL_PATTERN, token_pattern

    full = regex.compile(FULL_PATTERN)
    # The whole BMP (where news scripts live) and every 16th character beyond it.
    code_points = [*range(0x10000), *range(0x10000, 0x110000, 16)]
    fast_chars = [chr(cp) for cp in code_points if token_pattern(chr(cp)) is FAST_RE]
    assert len(fast_chars) > 60_000  # letters, digits, punctuation and symbols of every script
    # Each character alone, and as a word's first and inner character and a number's unit.
    for i in range(0, len(fast_chars), 4096):
        text = " ".join(f"{c} a{c} a-{c} 5{c} {c}’s" for c in fast_chars[i : i + 4096])
        fast = [(m.lastgroup, m.span()) for m in FAST_RE.finditer(text)]
        assert fast == [(m.lastgroup, m.span()) for m in full.finditer(text)]


@pytest.mark.parametrize("path", ["native", "python"])
def test_equal_token_texts_are_one_str(path, monkeypatch):
    """A document repeats its words: each distinct token text is kept once (on either parse
    path), not a str a token."""
    monkeypatch.setenv("NEWSLINT_NATIVE", "1" if path == "native" else "0")
    doc = parse("The council met. The council voted, and the council’s chair left.\n\nThe end.", "a.txt")
    texts = [t.text for t in doc.tokens]
    assert texts.count("The") == 3 and texts.count("council") == 2
    assert len({id(t) for t in texts}) == len(set(texts))


@pytest.mark.parametrize("size", [1, 2, 5, 64])
def test_pieces_lowered_join_to_the_text_lowered(size):
    from newslint.document import pieces

    text = "ΟΔΥΣΣΕΥΣ ΣΑΣ Σ ΑΣ.  İstanbul ẞ ﬃ Straße\nNEW  YORK’S ŉ " * 3
    parts = list(pieces(text, size))
    assert "".join(parts) == text
    assert "".join(p.lower() for p in parts) == text.lower()
    assert all(p.endswith(" ") for p in parts[:-1])


def test_word_count_counts_prose_words_only():
    doc = parse("---\ntitle: Two words\nurl: /a/b/c\n---\nThree more words `not these`.\n", "a.md")
    assert doc.word_count == 5


def test_quotes_curly_and_straight():
    text = 'He said “they ran away like rats.” Then "it ended," she said, and it’s over.'
    doc = parse(text, "a.txt")
    quotes = [(text[q.start : q.end], q.closed) for q in doc.blocks[0].quotes]
    assert quotes == [("“they ran away like rats.”", True), ('"it ended,"', True)]
    assert doc.in_quote(text.index("rats"))
    assert not doc.in_quote(text.index("Then"))
    assert not doc.in_quote(text.index("over"))


def test_apostrophes_are_not_quotes():
    text = "Ken Burns’ film on the ’90s and rock ’n’ roll at Assad’s palace."
    doc = parse(text, "a.txt")
    assert doc.blocks[0].quotes == []


def test_unclosed_quote_runs_to_the_end_of_its_block():
    text = "He said the army had sustained “huge\n\nNext paragraph."
    doc = parse(text, "a.txt")
    [quote] = doc.blocks[0].quotes
    assert not quote.closed and quote.end == doc.blocks[0].end
    assert not doc.in_quote(text.index("Next"))
