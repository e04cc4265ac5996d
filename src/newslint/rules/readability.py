"""Readability (RDB): sentences too long and paragraphs too hard for a news reader.

Both rules read the body's paragraphs only: headings, captions and other short lines, list
items, block quotes and front matter are left alone, and so is a sentence or paragraph that
is mostly quoted speech (a reporter does not rewrite what someone said).
"""

from __future__ import annotations

from ..document import PARAGRAPH, Document
from ..rule import Finding, Rule


def _positive(rule: Rule, name: str) -> None:
    from ..errors import ConfigError

    value = rule.settings[name]
    if value <= 0:
        raise ConfigError(f"{rule.code} option '{name}' is {value!r}: expected a number above 0")


def _mostly_quoted(block, words) -> bool:
    """More than half of ``words`` (in order, all in ``block``) lie inside quoted speech."""
    from bisect import bisect_left

    if not block.quotes:
        return False
    starts = [w[1] for w in words]
    quoted = sum(bisect_left(starts, q.end) - bisect_left(starts, q.start) for q in block.quotes)
    return quoted * 2 > len(words)


def _span(document: Document, end: int, words) -> tuple[int, int]:
    """From the first word to ``end``, closing punctuation included, trailing space not."""
    prose = document.prose
    while end > words[-1][2] and prose[end - 1].isspace():
        end -= 1
    return words[0][1], end


class SentenceTooLong(Rule):
    """Sentence too long for a news reader (more than 45 words).

    ## What it does
    Reports a sentence of the body with more words than `max-words` (45 by default),
    with its word count. Words and figures count ("948,000" is one word, and so is
    "U.S."); punctuation does not. Headings, captions, list items, block quotes and front
    matter are not checked, nor is a sentence more than half of which is quoted speech.

    The default flags the longest 3.5% of the sentences of edited Reuters copy; at 35
    words it would flag 17% of them and at 40 words 9%. A desk that wants the AP's tighter
    line sets `max-words = 35` in `[tool.newslint.rules.RDB001]`.

    ## Why is this bad?
    Comprehension drops as sentences grow: the AP's work with Rudolf Flesch aimed at
    about 19 words a sentence, and readers lose the thread of a sentence past 30 or 40.
    A long sentence is usually two or three facts that read better apart.

    ## Example
    ```text
    The ministry said on Tuesday that the convoy of trucks, which had left the capital
    before dawn and had then been delayed for several hours at two checkpoints run by
    rival militias near the border, finally reached the camp late in the evening with food,
    blankets and medicine for about 4,000 people.
    ```

    ## Use instead
    ```text
    The convoy reached the camp late on Tuesday with food and medicine for 4,000 people,
    the ministry said. It had left the capital before dawn and was held up for hours at
    two checkpoints run by rival militias near the border.
    ```

    ## Known false positives
    A list written as one sentence (a run of names, a schedule of results) is reported
    although it reads easily; raise `max-words`, or suppress the line. A sentence whose
    full stop was lost (a missing space after it, say) counts as one long sentence.
    """

    code = "RDB001"
    name = "sentence-too-long"
    family = "readability"
    severity = "warning"
    options = {"max-words": 45}

    def __init__(self, settings=None, context=None) -> None:
        super().__init__(settings, context)
        _positive(self, "max-words")

    def check(self, document: Document):
        from ..metrics import sentence_words

        limit = self.settings["max-words"]
        for block in document.blocks:
            if block.kind != PARAGRAPH:
                continue
            for sentence in block.sentences:
                if len(sentence.tokens) <= limit:
                    continue  # fewer tokens than the limit: fewer words too, without counting them
                words = sentence_words(sentence)
                if len(words) <= limit or _mostly_quoted(block, words):
                    continue
                start, end = _span(document, sentence.end, words)
                yield Finding(start, end, f"Sentence of {len(words)} words (limit {limit}): consider splitting it")


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
            _positive(self, name)

    def check(self, document: Document):
        from ..metrics import flesch_kincaid_grade, grade_counts, sentence_words, word_syllables

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
            if _mostly_quoted(block, words):
                continue
            start, end = _span(document, block.end, words)
            yield Finding(
                start, end,
                f"Paragraph reads at grade {level:.1f} (Flesch-Kincaid; limit {limit:g}): "
                f"{n_words / n_sentences:.0f} words a sentence, {syllables / n_words:.2f} syllables a word",
            )


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    return [SentenceTooLong, ParagraphTooHard]
