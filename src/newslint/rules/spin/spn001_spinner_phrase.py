"""SPN001 (spinner-phrase): each spinner fingerprint of the phrase table, and in an article
judged spun each unlikely wording, with the likely original as an unsafe fix."""

from __future__ import annotations

from ...document import Document
from ...rule import Edit, Finding, Fix, Rule
from .phrases import TABLE, document_matches
from .synonyms import PAIRS, SYNONYMS, document_evidence


class SpinnerPhrase(Rule):
    """Spinner phrase: a synonym swap no writer makes ("executive forces" for "government forces").

    ## What it does
    Matches the article against a table of article-spinner fingerprints
    (`spin_phrases.tsv`, beside the rule; several hundred patterns): swaps such as "executive forces"
    (government forces), "point out media" (state media), "thirty day period" (month),
    "1000's" (thousands), "Britain-essentially based" (Britain-based), "maintain killed"
    (have killed). Patterns carry context: "executive" alone is a normal word, so only
    "executive" before "forces", "offensive" or "troops" is reported. The likely original
    is offered as an unsafe fix, applied only with `--fix --unsafe-fixes`.

    In an article whose evidence makes SPN100's statistical verdict (see `newslint rule
    SPN100`), it also reports each **unlikely wording**: a rare word or phrase with a far
    commoner synonym, as a spinner's thesaurus leaves it ("lawgivers" for lawmakers, "right
    smart" for way), so the whole spun story is marked, not only the phrases the table
    knows; where the word breaks a common pair that its original makes, the message names
    the pair ("probably will" is a common pair, "belike will" is not). On its own such a
    word is a writer's choice, so it is never reported in an article that is not judged
    spun. `unlikely-wordings = false` turns this off.

    Quoted speech is not checked for wordings (a quote is what someone said), only for
    written forms no speaker produces ("1000's", "Tv set"); set `check-quotes = true` to
    check wordings inside quotations too.

    ## Why is this bad?
    Spun copy is plagiarism dressed up, and it is often wrong: a spinner that turns "dead"
    into "tiring" or "thousands of troops" into "hundreds of troops" changes the facts.
    Readers and search engines both treat such copy as spam.

    ## Example
    ```text
    Opposition fighters retook the town from executive forces, point out media said.
    ```

    ## Use instead
    ```text
    Opposition fighters retook the town from government forces, state media said.
    ```

    ## Known false positives
    The table lists forms honest copy does not produce, checked on 370,000 words of wire
    copy, but a phrase can still be meant: "a complete bunch of", "rigorous bombardment" or
    "fulfilled Thursday" in a quotation, a headline pun. Suppress it with a
    `<!-- newslint: disable-next-line SPN001 -->` comment. The fix is unsafe because the
    spun word may have replaced something other than the table's guess.
    """

    code = "SPN001"
    name = "spinner-phrase"
    family = "spin"
    severity = "warning"
    unsafe_fixable = True
    options = {"check-quotes": False, "unlikely-wordings": True}
    data_files = (TABLE, SYNONYMS, PAIRS)

    def check(self, document: Document):
        check_quotes = self.settings["check-quotes"]
        for m in document_matches(document, self.context):
            if m.quoted and m.entry.strength != "form" and not check_quotes:
                continue
            yield Finding(
                m.start, m.end,
                f'spinner phrase "{m.text}": likely "{m.original}"',
                suggestions=(m.original,),
                fix=Fix((Edit(m.start, m.end, m.original),), f'replace with "{m.original}"', safe=False),
            )
        if self.settings["unlikely-wordings"]:
            evidence = document_evidence(document, self.context)
            if evidence.is_spun():
                pairs: dict = {}
                for c in evidence.confirmed:
                    pairs.setdefault(c.form, c)
                for u in evidence.unlikely:
                    likely = u.synonym.likely
                    pair = pairs.get(u.synonym.form)
                    why = f' ("{pair.likely}" is a common pair, "{pair.written}" is not)' if pair else ""
                    yield Finding(
                        u.start, u.end,
                        f'unlikely wording "{u.synonym.form}": likely "{likely}", far commoner{why}',
                        suggestions=(likely,),
                        fix=Fix((Edit(u.start, u.end, likely),), f'replace with "{likely}"', safe=False),
                    )
