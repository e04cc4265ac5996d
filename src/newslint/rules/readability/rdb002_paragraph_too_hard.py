"""RDB002 paragraph-too-hard: a body paragraph above a Flesch-Kincaid grade."""

from __future__ import annotations

from ...document import PARAGRAPH, Document
from ...rule import Finding, Rule
from .limits import mostly_quoted, reported_span, require_positive


class ParagraphTooHard(Rule):
    """Paragraph too hard to read (Flesch-Kincaid grade above 14).

    ## What it does
    Computes the Flesch-Kincaid grade of each body paragraph of at least `min-sentences`
    sentences (3) or `min-words` words (60), and reports the paragraph when the grade is
    above `max-grade` (14, a university text). The grade combines sentence length and
    word length in syllables: 0.39 x words a sentence + 11.8 x syllables a word - 15.59.
    Headings, captions, list items, block quotes, front matter and paragraphs that are
    mostly quoted speech are not checked; shorter paragraphs have too few words for the
    grade to mean much.

    ## Why is this bad?
    Newspaper research puts comfortable reading at about grades 6 to 8. A paragraph above
    grade 14 stacks long sentences and long words; readers skim it or give up.

    ## Example
    ```text
    Notwithstanding considerable international apprehension regarding humanitarian
    consequences, governmental representatives characterised the intensification of
    military operations as unavoidable. Diplomatic initiatives, administrative
    coordination and organisational responsibilities remained fundamentally unresolved.
    Negotiations continued intermittently.
    ```

    ## Use instead
    ```text
    Aid groups fear for civilians. Officials said the army had no choice but to step up
    its attacks. Talks go on, on and off, with little agreed.
    ```

    ## Known false positives
    Technical copy (finance, medicine) is long-worded by nature and may be reported at the
    default grade; raise `max-grade` for such desks. Syllables are counted by a heuristic
    (99% exact against the CMU dictionary on news words), so names can tip a borderline
    paragraph either way.
    """

    code = "RDB002"
    name = "paragraph-too-hard"
    family = "readability"
    severity = "info"
    options = {"max-grade": 14.0, "min-sentences": 3, "min-words": 60}

    def __init__(self, settings=None, context=None) -> None:
        super().__init__(settings, context)
        for name in self.options:
            require_positive(self, name)

    def check(self, document: Document):
        from ...metrics import flesch_kincaid_grade, grade_counts, sentence_words, word_syllables

        syllables_of = self.context.memo(word_syllables).__getitem__

        limit = self.settings["max-grade"]
        min_sentences, min_words = self.settings["min-sentences"], self.settings["min-words"]
        for block in document.blocks:
            if block.kind != PARAGRAPH:
                continue
            if len(block.sentences) < min_sentences and sum(len(s.tokens) for s in block.sentences) < min_words:
                continue  # too short to grade even counting every token as a word: skip the counting
            n_words, n_sentences, syllables = grade_counts(block, syllables_of)
            if not n_words:
                continue
            if n_sentences < self.settings["min-sentences"] and n_words < self.settings["min-words"]:
                continue
            level = flesch_kincaid_grade(n_words, n_sentences, syllables)
            if level <= limit:
                continue
            words = [w for sentence in block.sentences for w in sentence_words(sentence)]
            if mostly_quoted(block, words):
                continue
            start, end = reported_span(document, block.end, words)
            yield Finding(
                start, end,
                f"Paragraph reads at grade {level:.1f} (Flesch-Kincaid; limit {limit:g}): "
                f"{n_words / n_sentences:.0f} words a sentence, {syllables / n_words:.2f} syllables a word",
            )
