"""SPN100 (spun-article): an article-level verdict from the spinner phrases of the table and
the wordings a commoner synonym would have said."""

from __future__ import annotations

from ...document import Document
from ...rule import Finding, Rule
from .phrases import TABLE
from .synonyms import EVIDENCE_PER_1000, MIN_EVIDENCE, PAIRS, SYNONYMS, document_evidence

EXAMPLES = 4  # unlikely wordings quoted in the message


class SpunArticle(Rule):
    """Spun article: the whole article reads as spinner output.

    ## What it does
    Reports the article once, at its first line, on either of two kinds of evidence:

    1. **Known spinner phrases** (SPN001's table): at least `min-phrases` of them (default
       3), quoted or not, and more than `per-1000-words` (default 4) per 1,000 words.
    2. **Unlikely wordings**, for spinners the table has never seen: words and phrases that
       a far commoner synonym would have said, as a spinner's thesaurus leaves them
       ("lawgivers" for lawmakers, "belike" for probably, "right smart" for way). They come
       from `spin_synonyms.txt` (WordNet 3.0 synonyms and word frequencies). The evidence:
       - a rare word (under once in a million words of general English) with a synonym at
         least 30 times commoner weighs how much commoner, in orders of magnitude (1.5 to 3);
       - a multi-word expression edited English never uses (by WordNet's sense-tagged
         sample of it) with a common one-word synonym weighs 1.5;
       - a spinner phrase of the table weighs 3;
       - a word pair around a rare synonym that edited English does not use, but does use
         with the likely original put back ("belike will": "probably will" is common),
         adds 0.5. A spinner swaps blind to a word's neighbours and so breaks the pair; a
         writer's rare word keeps its usual company. The common pairs are those of
         `spin_bigrams.txt` (Google Books Ngram counts, as SymSpell lists them).

       Each distinct form or pair counts once, however often it recurs (a story about
       recounts says "recounts" six times), and only in lowercase words outside quotations:
       names and quotes are never evidence. The verdict needs at least `min-evidence`
       (default 5) and at least 1 plus `evidence-per-1000-words` (default 27) for every
       1,000 words: a 400-word story needs 11.8, about four rare synonyms in broken pairs.

    The message gives the figures and the heaviest evidence, so a desk triaging a feed in
    JSON can sort by it and see why; SPN001 then reports every unlikely wording of the
    article with its likely original.

    ## Why is this bad?
    One odd phrase is a slip; a dozen in one story means the story came out of an article
    spinner and should be replaced by its source, not corrected phrase by phrase.

    ## Example
    ```text
    Executive forces retook the town this thirty day period, point out media said.
    1000's of folks fled the insurrection stronghold.
    ```

    ## Use instead
    The original story: find it (SPN002 compares a draft with it) and use that.

    ## Known false positives
    None measured: no story of the 956 in the evaluation corpus (clean Reuters copy) reaches
    either threshold (`make eval`, section "spin"). A very short text needs 3 table phrases,
    or evidence 5 (two rare synonyms at least), so a single odd word never makes a verdict. Copy that is rich in rare
    synonyms on purpose (a pastiche, a word puzzle) can reach it: disable SPN100 there.
    """

    code = "SPN100"
    name = "spun-article"
    family = "spin"
    severity = "warning"
    options = {"min-phrases": 3, "per-1000-words": 4.0, "min-evidence": MIN_EVIDENCE,
               "evidence-per-1000-words": EVIDENCE_PER_1000}
    data_files = (TABLE, SYNONYMS, PAIRS)

    def check(self, document: Document):
        words = document.word_count
        if not words:
            return
        evidence = document_evidence(document, self.context)
        phrases = len(evidence.phrases)
        density = 1000 * phrases / words
        if phrases >= self.settings["min-phrases"] and density > self.settings["per-1000-words"]:
            yield Finding(
                0, 0,  # about the whole article: anchored at its start
                f"article reads as spinner output: {phrases} spinner phrases "
                f"in {words} words ({density:.1f} per 1,000 words)",
            )
        elif evidence.is_spun(*(limits := (self.settings["min-evidence"], self.settings["evidence-per-1000-words"]))):
            distinct = evidence.distinct_unlikely
            shown = ", ".join(f'"{document.text[u.start:u.end]}" for "{u.synonym.likely}"' for u in distinct[:EXAMPLES])
            more = f" and {len(distinct) - EXAMPLES} more" if len(distinct) > EXAMPLES else ""
            table = f" and {phrases} spinner phrase{'s' if phrases != 1 else ''}" if phrases else ""
            pairs = evidence.confirmed
            broken = (f", {len(pairs)} common word pair{'s' if len(pairs) != 1 else ''} broken "
                      f'("{pairs[0].written}" for "{pairs[0].likely}")') if pairs else ""
            yield Finding(
                0, 0,
                f"article reads as spinner output: {len(distinct)} wordings a commoner synonym would say "
                f"({shown}{more}){broken}{table} in {words} words: evidence {evidence.score:.1f}, "
                f"where {evidence.needed(*limits):.1f} makes a verdict",
            )
