"""ATR001 (unattributed-figure): a figure claim with no source in its sentence or in a
neighbouring sentence of its paragraph that continues it.

The rule works on the Document's cached sentences and tokens. For each sentence it looks
for figure claims (a number attached to a counted thing, a percentage or a sum of money);
only when it finds one does it ask whether the sentence carries attribution, and that
answer is computed once per sentence and kept for the neighbouring sentences' figures.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...document import LIST_ITEM, NUMBER, PARAGRAPH, QUOTE, WORD, Document, pieces
from ...parse.sentences import WEEKDAYS
from ...rule import Finding, Rule
from .figures import CASUALTY, MONEY_VERBS, MONTHS, NUMBER_WORDS, STOP, WORD_SCALES, Figure, find_figures, opens_figure
from .tables import COUNTED_FILE, CUES_FILE, TABLE_OPTIONS, Cues, Tables, load_tables

if TYPE_CHECKING:
    from ...document import Sentence

CHECKED_BLOCKS = (PARAGRAPH, LIST_ITEM, QUOTE)

# Words whose presence in a neighbouring sentence refers to a figure: "the toll could rise".
REFERRING = frozenset(
    "toll tolls figure figures number numbers tally total count estimate estimates data statistics".split()
)
# Speech verbs that, after a figure, source it only from a tag set off by a comma or a
# quotation mark within TAG_REACH characters before them (", the ministry said").
SPEECH_VERBS = frozenset(
    """said says say saying told tells telling added adding noted noting wrote writes stated
    insisted warned explained acknowledged testified mentioned claims announced announces
    confirmed confirms reported estimated predicted declared""".split()
)
TAG_REACH = 60
TELLING = frozenset(("told", "tells", "telling"))
SUBJECT_WORDS = 1  # a speech verb this close after the figure has it for its subject ("three women also said")
TAG_MARKS = ",\"“”—"
# A sentence that ends in its attribution, with at most this many words after the cue ("The
# ministry said on Tuesday."), introduces the figures of the next sentence.
TRAILING_WORDS = 3
_QUOTE_MARKS = "\"“”«»"
# A sentence opening with one of these continues the one before it.
ANAPHORA = frozenset(
    "it they he she this that these those its their his her of among another most some many both all also".split()
)
CONTENT_STOP = STOP | MONTHS | WEEKDAYS | frozenset(NUMBER_WORDS) | WORD_SCALES | frozenset(
    """also more most other than then there they them what when where while just only even still
    very much many such like said says told reported according added percent people""".split()
)

# A percentage or sum in a sentence with one of these is a plan, a proposal or a projection
# ("the bill would cut the rate to 21 percent"), not a measured statistic.
HYPOTHETICAL = frozenset(
    """would could might should if unless plan plans planned proposal proposed proposes bill
    legislation law draft expected projected authorizes authorized authorize allowed allows cap caps capped
    limit limits requested request requests required requires""".split()
)
# A share in a sentence with one of these is posed, not measured ("if 99% of users left");
# a plan named is not enough ("62 percent of Americans support the plan").
CONDITIONAL = frozenset("would could might should if unless expected projected".split())
# A sum right before one of these (within DEAL_REACH words: "a $600,000 consulting contract",
# "$9 billion worth of deals") is a deal's value: a claim (guideline decision 12).
DEALS = frozenset(
    """deal deals contract contracts acquisition acquisitions takeover takeovers merger mergers
    purchase purchases investment investments stake stakes""".split()
)
DEAL_REACH = 3
# A count in a sentence with one of these is a term of a law or a rule ("the credit phases
# out once a maker has sold 200,000 vehicles", "a motion needs 60 votes"), not a claim.
TERMS = frozenset("law laws allows allowed requires require required bill legislation proposal".split())
# A percentage in a sentence with one of these is published market data ("GM shares fell 1.2
# percent", "the index rose 0.2%"): public record, not a claim.
MARKET_DATA = frozenset("shares stock stocks index indexes yield yields bonds".split())
# A scored effect under one of these is a limit set by a rule, not a claim: "the plan is
# required to add no more than $1.5 trillion to the deficit".
LIMITS = frozenset("required requires allowed allows limit limits cap capped authorizes authorized".split())
# A correction note ("This version of the story corrects the amount to $25 million") states
# no claim.
CORRECTION = frozenset(("corrects", "corrected", "correction"))

# A sum in a sentence with a word of each set is a plan's scored effect, a claim even when
# the sentence speaks of a plan: "the bill would add $1.4 trillion to the national debt".
SCORED = frozenset("deficit deficits debt revenue revenues".split())
SCORING = frozenset(
    """add adds adding addition increase increases lost lose loses losing widen reduce reduces
    raise raises raising lower lowers lowering""".split()
)

# A percentage in a sentence about a tax is a rate, a term of the tax law ("going to 21
# percent", "raised the rate on repatriated profits to 14.5 percent"), not a statistic.
TAX = frozenset(("tax", "taxes"))
_LEVEL = frozenset(("to", "from", "at"))
# A percentage or sum stated as what is usual ("typically about 20 percent") is a general
# fact, not a claim about something that happened.
GENERIC = frozenset("typically usually generally normally customarily traditionally".split())
# A sum in a sentence with a word of each set is the amount of one settlement, fine or
# payment agreed with a government or ordered by a court: public record, like the terms of
# an agreement with a government. A plural ("winning $2 billion in settlements") is a
# tally of several and stays a claim.
SETTLING = frozenset("settle settles settled settling settlement fine fined penalty restitution forfeit forfeiture".split())
OFFICIAL_PARTY = frozenset(
    """government governments court judge prosecutors prosecutor regulators regulator department
    ministry commission authorities agency lawsuit attorney attorneys justice treasury state""".split()
)
# A count of these taking a public act (backing a bill, signing a letter, voting) is public
# record: "the bill has the support of 100 members, including 19 Republicans".
PUBLIC_ACTORS = frozenset(
    """members lawmakers legislators senators representatives congressmen congresswomen
    republicans democrats cosponsors co-sponsors sponsors signatories delegates countries
    nations governments parties""".split()
)
PUBLIC_ACTS = frozenset(
    """support supports supported supporting back backs backed backing sign signs signed signing
    vote votes voted voting endorse endorsed endorsing cosponsored co-sponsored sponsored
    oppose opposed opposing approve approved reject rejected abstain abstained""".split()
)
PUBLIC_ACTS_DONE = frozenset(w for w in PUBLIC_ACTS if w.endswith("ed"))
# A count right after one of these (past a bridge: "has more than 2.7 million students") is
# a standing size, like a town's population, not a change.
POSSESSING = frozenset(("has", "have", "had"))
_SIZE_BRIDGE = frozenset("more than less fewer nearly almost about some over around roughly at least only just".split())
# A small count picked out by what its members did ("three women who had accused him",
# "four senators who wavered") counts identified people, whose public acts are background.
IDENTIFIED_MAX = 10
RELATIVE = frozenset(("who", "whom", "whose"))
# A toll of an event the story dates years back ("16 years ago", "in January 2010", two
# years or more before the latest year the story mentions) is well-known history.
AGO = frozenset(("ago", "earlier", "before"))
TOLL_WORDS = CASUALTY | frozenset("killing injuring wounding death deaths toll".split())
PAST_YEARS = 2
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_DATING = frozenset(("in", "on", "of"))
# A percentage or share in a sentence, or beside a sentence of its paragraph, that names a
# poll or survey is that poll's result.
_POLL_RE = re.compile(r"\b(?:polls?|polling|surveys?|surveyed|respondents)\b", re.IGNORECASE)

_STEM_RE = re.compile(r"(?:'s|’s|ments|ment|ings|ing|ed|es|s)$")


class UnattributedFigure(Rule):
    """Figure stated with no source: "Clashes have killed 18 Turkish soldiers."

    ## What it does
    Finds figure claims, a number in digits or words attached to a counted thing
    ("18 Turkish soldiers", "nearly a million Syrians", "300 have been killed", "a dozen
    women", "15 billion gallons", "totaling 22,745"), a percentage ("5%", "3.2 percent"),
    a share of something counted ("9 percent of refugees", "a third of residents",
    "two-thirds of voters", "a third of the island's 3.4 million residents") or of a group
    the sentence implies ("26 percent were Muslim"), a sum of money ("$3m", "1.5bn euros"), or a
    comparison by a factor ("three times as fast as its rival", "twice as many", "four times
    the national average"), and reports those that claim something: a count whose sentence
    has an event word ("killed", "fled", "accused", "hired", "emitted", "sold"); any share;
    any comparison by a factor that is not posed ("would be twice as large"); a percentage or sum with an event
    word and a measured thing ("sales rose 5%"); a sum that changed hands ("invested $3m",
    "cost taxpayers $700 billion", "winning $2 billion in settlements"); and a plan's scored
    effect on a deficit, a debt or revenue ("the bill would add $1.5 trillion to the
    deficit"), which is a claim even though a plan's terms are not. It reports them when
    they have no attribution: none in their own sentence ("said", "told", "according to",
    "citing", "estimated", "figures from", "a survey by ... found", "in a statement",
    "officials say", "first reported in a newspaper story", an estimating verb whose
    subject made the estimate ("Acme put its cost at $4 million", "the bank valued the
    stake at"), a lawsuit, charge or court record, which is the source of what it alleges
    or finds ("to settle a lawsuit accusing it of a $230 million fraud", "was convicted of
    a bombing that injured 30"), a characterization, which is its speaker's ("Democrats
    derided the bill as a giveaway that would add $1.5 trillion"), and the spun forms the
    spin rule reports, such as "in step with" and "stated"); for a percentage or share, no
    poll or survey named in its sentence or in the sentence before or after ("the results
    of both polls ...", "exit polls showed"); none in the sentence before, when that
    sentence attributes something of its own (not only a quotation: '"We are ready," she
    said.' sources its quotation, not the figures after it) and the figure's sentence
    continues it ("Officials said on Monday. Forty people were hurt."; after the
    paragraph's first sentence, a name in common is not enough: a common word is); and none
    in the sentence after, when that sentence clearly continues the figure (speaks of "the
    toll" or "the figures", opens with "It" or "They", or shares two content words with it).
    A figure inside quoted speech is attributed to its speaker when the paragraph, or the
    one before or after it, names one. A figure in brackets just after another restates it
    in other units ("1 million acres (400,000 hectares)") and is not reported again.
    Attribution cues live in `attribution-cues.txt` and
    counted things in `counted-things.txt`, beside the rule; the options add to both.

    Not figures, because they need no source: dates, years, times and weekdays ("Feb. 27,
    2020", "at 10:30", "since 2012"), ages ("Smith, 33,", "aged 33"), durations and
    ordinals used as context ("the nine-year conflict", "three weeks ago", "for the first
    time"), how often something happened ("met three times", "twice elected"), names with numbers ("M5", "G8", "Formula 1", "BBC Two", "Boeing 737"), sports
    scores and results ("won 3-1"), addresses ("10 Downing Street"), page, section and
    article numbers ("page 5", "Article 50"), a number that refers back ("the 18
    soldiers", or "their 18 soldiers" once the story has given 18; a first mention after a
    possessive is a figure), the terms of a law, bill or plan (a toll beside a bill is
    not one) ("would cut the rate to 21 percent", "a motion requires 60 votes",
    "allows $1 billion"), a limit set by a rule on a scored effect, published market data
    ("GM shares fell 1.2 percent"), a tax rate ("raised the tax rate to 14.5 percent",
    "going to 21 percent" beside a tax), a usual level ("typically about 20 percent"), a
    level changed rather than a sum paid ("was raised from $1,100") and correction notes.
    Nor are public record and well-known history, though they have an event word: the
    amount of one settlement, fine or payment agreed with a government or ordered by a
    court ("agreed to pay $6 million to settle a government lawsuit"; a tally of several,
    "won $2 billion in settlements", is still a claim); a count of lawmakers, parties or
    countries taking a public act ("the support of 100 members, including 19
    Republicans", "40 countries voted"); a standing size ("the state has 2.7 million
    students enrolled"); a small group of ten or fewer picked out by what it did ("three
    women who had accused him called for ..."); and the toll of an event the story dates
    years back ("killed 16 years ago", "in January 2010, killing 300,000" in a story that
    speaks of 2017; not "the deadliest since 2001"). These follow the labelling guideline
    (`eval/data/atr001-guideline.md`: terms of agreements with a government and court
    orders, public acts of identified actors, standing sizes, identified individuals),
    except the historical toll, which its decision 2 counts as a claim: copy editors
    judged a famous attack's toll years on an established fact, as the Reuters handbook's
    "unless it is an established fact" allows.
    Headings, captions and front-matter fields are not checked: a headline is sourced by
    its story.

    Options: `min-value` (default 3: "two soldiers" is not reported; percentages and
    money are always figures), `vague-plurals` (default true: "hundreds of protesters",
    "dozens of homes" are claims, as the guideline has it; false ignores vague amounts),
    `same-sentence-only` (default false; true requires the source in
    the figure's own sentence; a quotation still takes its speaker from the paragraph), `cues` (more attribution cues, one per entry, in the
    format of the data file, `/regex/` allowed), `counted` (more counted-thing words),
    `measured` (more things a percentage or sum measures), `events` (more words that
    make a figure a claim) and `occurrences` (more counted things that are themselves what
    happened or who took part, such as "protesters", "complaints" or "followers": a count of them is a
    claim with no event word).

    ## Why is this bad?
    "You must source every statement in every story unless it is an established fact"
    (Reuters Handbook of Journalism, "Sourcing"); the AP Stylebook and the BBC Editorial
    Guidelines ("Accuracy": "we should be clear about the source of statistics") say the
    same of casualty, displacement and economic figures. An unsourced figure cannot be
    checked by the reader, and spun or rewritten copy often drops the source while
    keeping the number.

    ## Example
    ```text
    Clashes between Syrian and Turkish troops have killed 18 Turkish soldiers.
    ```

    ## Use instead
    ```text
    Clashes between Syrian and Turkish troops have killed 18 Turkish soldiers, Turkey's
    Defence Ministry said.
    ```

    ## Known false positives
    A public act of actors other than lawmakers, parties and countries ("12 companies
    signed the pledge") is reported, as are
    the toll of a past event the sentence does not date by a year or "years ago" ("since
    the shooting that killed 58 people"), figures an earlier paragraph credits to its
    source, and, in a long sentence glued from a list, every figure of the list. A sentence
    whose subject is the source's own action ("Police arrested 23 people") is reported.

    Still missed: a figure in the same sentence as an attribution cue placed before it that
    does not govern it ("Trump said in September he would protect around 700,000
    Dreamers", "indicted last year, he has since hired 40 staff"); a speech verb after the
    figure sources it only from a tag (", police said") or when the figure counts the
    speakers ("three women said"), so "acts they said occurred" does not; a claim in a sentence that also speaks of one
    settlement or fine with a government; a percentage beside a sentence naming a poll
    that is not the poll's result; a standing size stated as a fact with no event word ("a
    country with hundreds of thousands of immigrants", "his 42.3 million followers",
    "Puerto Rico's $72 billion debt") or after "has" ("the island has 3,000 people without
    power"); counts of two ("shot and killed two people", below `min-value`); a sum with
    no event word that is not a deal's value ("$1.5 trillion in tax cuts"; "a $600,000
    contract" and "a $3.9 billion acquisition" are reported); a share with no counted thing nor a plural verb ("26
    percent backed him"); and figures in an untagged quotation whose
    speaker is named only near it. A source more than one sentence away is not seen.
    """

    code = "ATR001"
    name = "unattributed-figure"
    family = "attribution"
    severity = "warning"
    options = {
        "min-value": 3,
        "vague-plurals": True,
        "same-sentence-only": False,
        "cues": [],
        "counted": [],
        "measured": [],
        "events": [],
        "occurrences": [],
    }
    data_files = (CUES_FILE, COUNTED_FILE)

    def __init__(self, settings=None, context=None) -> None:
        super().__init__(settings, context)
        # Loaded with the rule, not at its first article, so that a bad pattern in `cues` is a
        # configuration error before any file is linted.
        self.tables = self.context.load(load_tables, *(tuple(self.settings[k]) for k in TABLE_OPTIONS))

    def check(self, document: Document) -> Iterator[Finding]:
        tables = self.tables
        opens = self.context.memo(opens_figure).__getitem__
        cues, counted = tables.cues, tables.counted
        min_value = self.settings["min-value"]
        vague = self.settings["vague-plurals"]
        same_only = self.settings["same-sentence-only"]
        where = "its sentence" if same_only else "its sentence or paragraph"
        prose = document.prose
        lowered: str | None = "".join(map(str.lower, pieces(prose)))
        if len(lowered) != len(prose):
            lowered = None  # a character whose lowercase is longer ("İ"): offsets would shift
        blocks = list(document.prose_blocks)
        block_cited: dict[int, bool] = {}

        def cited_block(i: int) -> bool:
            if not 0 <= i < len(blocks):
                return False
            if i not in block_cited:
                b = blocks[i]
                block_cited[i] = cues.holds(prose, lowered, b.start, b.end)
            return block_cited[i]

        years: list[int | None] = []

        def given_before(token) -> bool:
            first = document.derived(_first_numbers)
            return first.get(token.text.lower(), token.start) < token.start

        def latest_year() -> int | None:
            if not years:
                found = [int(m.group()) for m in _YEAR_RE.finditer(prose)]
                years.append(max(found) if found else None)
            return years[0]

        def names_poll(s: Sentence) -> bool:
            # "went to the polls" speaks of voting, not of a poll
            return any(prose[max(s.start, m.start() - 7) : m.start()].lower() != "to the "
                       for m in _POLL_RE.finditer(prose, s.start, s.end))

        for bi, block in enumerate(blocks):
            if block.kind not in CHECKED_BLOCKS:
                continue
            sentences = block.sentences
            cited: list[bool | None] = [None] * len(sentences)

            def has_cue(i: int) -> bool:
                if cited[i] is None:
                    s = sentences[i]
                    cited[i] = cues.holds(prose, lowered, s.start, s.end)
                return cited[i]  # type: ignore[return-value]

            for si, sentence in enumerate(sentences):
                figures = find_figures(sentence.tokens, counted, min_value, vague, opens, given_before)
                if not figures:
                    continue
                figures = _claims(figures, sentence, tables, latest_year)
                if not figures:
                    continue
                if has_cue(si):
                    found = list(cues.pattern.finditer(prose, sentence.start, sentence.end))
                    figures = [f for f in figures if not _sourced_in_sentence(prose, f, found)]
                    if not figures:
                        continue
                previous_end = -1
                for fig in figures:
                    restated = _restates(prose, previous_end, fig.start)
                    previous_end = fig.end
                    if restated:
                        continue  # "1 million acres (400,000 hectares)": the figure before, in other units
                    if fig.kind in ("percent", "share") and (
                        names_poll(sentences[si]) or (si >= 1 and names_poll(sentences[si - 1]))
                        or (si + 1 < len(sentences) and names_poll(sentences[si + 1]))
                    ):
                        continue  # the result of the poll named beside it
                    if document.in_quote(fig.start, fig.end) and (
                        cited_block(bi) or cited_block(bi - 1) or cited_block(bi + 1)
                    ):
                        continue  # a quotation with its speaker
                    if not same_only and (
                        (si >= 1 and has_cue(si - 1) and _introduces(sentences[si - 1], sentences[si], cues, si == 1))
                        or (si + 1 < len(sentences) and has_cue(si + 1)
                            and _continues(sentences[si], sentences[si + 1], False, cues))
                    ):
                        continue
                    text = " ".join(document.text[fig.start : fig.end].split())
                    yield Finding(fig.start, fig.end, f'figure "{text}" has no source in {where}')


def _sourced_in_sentence(prose: str, fig: Figure, cues_found: list[re.Match]) -> bool:
    """Whether one of the attribution cues found in the figure's sentence governs it: one
    before it ("Police said 18 people were killed"), a source phrase anywhere ("according to
    police"), or a speech verb after it in a tag set off by a comma or a quotation mark ("18
    were killed, police said") or whose subject it is ("three other women said"). A speech
    verb after the figure in a clause of its own does not ("accused by seven women of acts
    they said occurred decades ago"), nor does "told" whose object the figure is ("told
    about 125 supporters")."""
    for m in cues_found:
        if m.start() < fig.start and m.group().lower() in TELLING \
                and set(prose[m.end() : fig.start].lower().split()) <= _SIZE_BRIDGE:
            continue  # the figure is who was told: "told about 125 supporters who jammed the hall"
        if m.start() < fig.start or m.group().lower() not in SPEECH_VERBS:
            return True
        between = prose[fig.end : m.start()]
        if len(between.split()) <= SUBJECT_WORDS:
            return True  # the figure counts the speakers: "three other women said", a count of sources
        if any(mark in between[-TAG_REACH:] for mark in TAG_MARKS):
            return True
    return False


def _first_numbers(document: Document) -> dict[str, int]:
    """Where the story first writes each number ("18", "eighteen"), lower-cased."""
    first: dict[str, int] = {}
    for sentence in document.sentences:
        for t in sentence.tokens:
            if t.kind == NUMBER or t.text.lower() in NUMBER_WORDS:
                first.setdefault(t.text.lower(), t.start)
    return first


def _claims(figures: list[Figure], sentence: Sentence, tables: Tables, latest_year) -> list[Figure]:
    """The figures that claim something: a count with an event word in its sentence
    ("killed", "fled", "hired"); a share of something counted ("9 percent of refugees", "a
    third of residents"); a percentage or sum with an event word and a measured thing ("sales
    rose 5%") or a sum that changed hands ("invested $3m", "cost taxpayers $7bn"); a
    comparison by a factor that is not posed ("three times as fast as its rival"); and a
    sum scored as the effect of a plan on a deficit, a debt or revenue ("would add $1.5
    trillion to the deficit"). "A city of 36,000 people" and "a 35 percent tax rate" state
    established facts, and the terms of a plan ("would cut the rate to 21 percent") are no
    claim: they need no source. Nor are public record and well-known history: the amount of
    one settlement or fine agreed with a government or ordered by a court, a count of
    lawmakers or countries taking a public act, a standing size ("has 2.7 million
    students"), a small group picked out by what it did ("three women who accused him"),
    and the toll of an event the story dates years back. ``latest_year`` gives the latest
    year the story mentions (asked only for such a toll)."""
    words = {t.text.lower() for t in sentence.words}
    if not words.isdisjoint(CORRECTION):
        return []
    event = not words.isdisjoint(tables.events)
    hypothetical = not words.isdisjoint(HYPOTHETICAL)
    generic = not words.isdisjoint(GENERIC)
    # a law's terms count things ("once a maker has sold 200,000 cars"), not the dead: a toll
    # beside a bill ("the bill passed days before the shooting in which 20 died") is a claim
    terms = not words.isdisjoint(TERMS) and words.isdisjoint(CASUALTY)
    measured = None
    claims = []
    for f in figures:
        kind = f.kind
        if kind == "count":
            if (event or _counts(f, sentence, tables.occurrences)) and not terms \
                    and not _public_record_count(f, sentence, words, latest_year):
                claims.append(f)
        elif kind == "multiple":
            # a comparison by a factor is a performance claim ("three times as fast as its
            # rival"), unless posed ("would be twice as large") or usual ("typically")
            if words.isdisjoint(CONDITIONAL) and not generic:
                claims.append(f)
        elif kind == "share":
            # a share of lawmakers who voted is a tally; one who "back" a change, an opinion
            if words.isdisjoint(CONDITIONAL) and not _public_act(f, sentence, words, PUBLIC_ACTS_DONE):
                claims.append(f)
        else:
            if generic or (kind == "money" and _settled_with_government(words)):
                continue  # "typically about 20 percent"; "agreed to pay $6 million to settle a government lawsuit"
            if kind == "money" and not words.isdisjoint(SCORED) and not words.isdisjoint(SCORING) \
                    and words.isdisjoint(LIMITS):
                claims.append(f)  # a scored effect: "would add $1.5 trillion to the deficit"
                continue
            if kind == "money" and words.isdisjoint(CONDITIONAL) and (
                _after_money_verb(sentence, f) or _counts_deal(f, sentence)
            ):
                # a sum that changed hands or a deal's value, even beside a plan named:
                # "invested billions", "cost taxpayers $700 billion", "a $600,000 contract"
                claims.append(f)
                continue
            if hypothetical or (kind == "percent" and (not words.isdisjoint(MARKET_DATA) or _tax_rate(sentence, words, f))):
                continue  # a plan's terms; a published share price or index move; a tax rate
            if measured is None:
                measured = not words.isdisjoint(tables.measured) or _has_measured_phrase(sentence, tables.measured)
            if event and measured:
                claims.append(f)
    return claims


def _tax_rate(sentence: Sentence, words: set[str], fig: Figure) -> bool:
    """Whether a percentage in a sentence about a tax is a rate the tax is set at: the
    sentence speaks of a tax rate, or the percentage is a level gone to or from ("going to
    21 percent", "raised to 14.5 percent from 10 percent"), not a change ("the economy has
    grown 3 percent", beside "the tax cuts")."""
    if words.isdisjoint(TAX):
        return False
    low = sentence.prose.lower()
    if "tax rate" in low:
        return True
    before = None
    for t in sentence.words:
        if t.start >= fig.start:
            break
        before = t
    return before is not None and before.text.lower() in _LEVEL


def _restates(prose: str, previous_end: int, start: int) -> bool:
    """Whether a figure opening a bracket just after the figure before restates it
    ("1 million acres (400,000 hectares)", "$5m (4.2m euros)")."""
    return previous_end >= 0 and prose[previous_end:start].strip() == "("


def _settled_with_government(words: set[str]) -> bool:
    """Whether the sentence speaks of one settlement, fine or payment with a government or a
    court ("agreed to pay $6 million to settle a U.S. government lawsuit", "was fined $2
    million by regulators")."""
    return not words.isdisjoint(SETTLING) and not words.isdisjoint(OFFICIAL_PARTY)


def _public_record_count(fig: Figure, sentence: Sentence, words: set[str], latest_year) -> bool:
    """Whether a count with an event word is public record or history rather than a claim:
    lawmakers or countries taking a public act, a standing size, a small group of identified
    people, or the toll of an event the story dates years back."""
    tokens = sentence.tokens
    first, last = _span(fig, tokens)
    if first is None or last is None:
        return False
    if _public_act(fig, sentence, words):
        return True  # "backed by 100 members, including 19 Republicans"
    k = first - 1
    while k >= 0 and tokens[k].text.lower() in _SIZE_BRIDGE:
        k -= 1
    if k >= 0 and tokens[k].text.lower() in POSSESSING:
        return True  # "Florida has more than 2.7 million students enrolled"
    if fig.value <= IDENTIFIED_MAX and last + 1 < len(tokens) and tokens[last + 1].text.lower() in RELATIVE:
        return True  # "three women who had accused him called for an inquiry"
    if words.isdisjoint(TOLL_WORDS):
        return False
    return _dated_years_back(tokens, latest_year)


def _span(fig: Figure, tokens) -> tuple[int | None, int | None]:
    """The indexes of the figure's first and last tokens."""
    first = last = None
    for k, t in enumerate(tokens):
        if t.start >= fig.start and first is None:
            first = k
        if t.end <= fig.end:
            last = k
        elif first is not None:
            break
    return first, last


def _counts_deal(fig: Figure, sentence: Sentence) -> bool:
    """Whether a sum is the value of a deal it names right after it: "a $600,000 contract",
    "a $3.9 billion acquisition", "$9 billion worth of deals"."""
    words = sentence.words
    for k, t in enumerate(words):
        if t.start >= fig.end:
            after = [w.text.lower() for w in words[k : k + DEAL_REACH]]
            return any(w in DEALS for w in after[: 2 if after[:2] != ["worth", "of"] else DEAL_REACH])
    return False


def _counts(fig: Figure, sentence: Sentence, nouns: frozenset[str]) -> bool:
    """Whether the figure's counted thing, its last word, is one of ``nouns``."""
    _, last = _span(fig, sentence.tokens)
    return last is not None and sentence.tokens[last].text.lower() in nouns


def _public_act(fig: Figure, sentence: Sentence, words: set[str], acts: frozenset[str] = PUBLIC_ACTS) -> bool:
    """Whether the figure counts lawmakers, parties or countries in a sentence of a public
    act (one of ``acts``): "backed by 100 members", "70 percent of the Republicans in
    Congress voted for it"."""
    _, last = _span(fig, sentence.tokens)
    return last is not None and sentence.tokens[last].text.lower() in PUBLIC_ACTORS \
        and not words.isdisjoint(acts)


def _dated_years_back(tokens, latest_year) -> bool:
    """Whether the sentence dates its event years back: "16 years ago", "in January 2010"
    when the story speaks of 2017 (not "the worst since 2001", which dates a comparison)."""
    for k, t in enumerate(tokens):
        low = t.text.lower()
        if low in AGO and k >= 2 and tokens[k - 1].text.lower() in ("years", "decades"):
            n = tokens[k - 2].text.lower()
            value = NUMBER_WORDS.get(n) or (int(n) if n.isdigit() else 0)
            if value >= PAST_YEARS or tokens[k - 1].text.lower() == "decades":
                return True
        if t.kind == NUMBER and len(t.text) == 4 and _YEAR_RE.fullmatch(t.text):
            j = k - 1
            while j >= 0 and j >= k - 4 and (tokens[j].kind != WORD or tokens[j].text.lower().rstrip(".") in MONTHS
                                                or tokens[j].kind == NUMBER):
                j -= 1
            if j >= 0 and tokens[j].text.lower() in _DATING:
                latest = latest_year()
                if latest is not None and latest - int(t.text) >= PAST_YEARS:
                    return True
    return False


def _after_money_verb(sentence: Sentence, fig: Figure) -> bool:
    """Whether a money verb stands just before the sum, with at most two words between
    ("spent more than $3m", "cost taxpayers $700 billion")."""
    words = sentence.words
    for k, t in enumerate(words):
        if t.start >= fig.start:
            before = [w.text.lower() for w in words[max(0, k - 3) : k]]
            for m, w in enumerate(before):
                if w in MONEY_VERBS:
                    # "was raised from $1,100", "cut to $2,000": a level changed, no sum changed hands
                    return not any(b in ("from", "to") and before[n - 1] != "up"
                                   for n, b in enumerate(before[m + 1 :], m + 1))
            return False
    return False


def _has_measured_phrase(sentence: Sentence, measured: frozenset[str]) -> bool:
    multi = [m for m in measured if " " in m]
    if not multi:
        return False
    low = sentence.prose.lower()
    return any(m in low for m in multi)


def _keys(sentence: Sentence, names: bool = False) -> set[str]:
    """The stems of the sentence's content words; with ``names``, of its capitalised ones only."""
    keys = set()
    for t in sentence.words:
        if names and not t.text[:1].isupper():
            continue
        w = t.text.lower()
        if len(w) < 4 or w in CONTENT_STOP:
            continue
        stem = _STEM_RE.sub("", w)
        if len(stem) >= 4:
            keys.add(stem)
    return keys


def _ends_in_attribution(sentence: Sentence, cues: Cues) -> bool:
    """A sentence that ends in its attribution, with at most a time or place after it:
    "The ministry said on Tuesday.", "..., the health ministry reported late on Monday."."""
    prose = sentence.block.document.prose
    if any(mark in prose[sentence.start : sentence.end] for mark in _QUOTE_MARKS):
        return False  # '"...," she said.' attributes its quotation, not what follows
    last = None
    for last in cues.pattern.finditer(prose, sentence.start, sentence.end):
        pass
    if last is None:
        return False
    return sum(1 for t in sentence.words if t.start >= last.end()) <= TRAILING_WORDS


def _introduces(first: Sentence, figure_sentence: Sentence, cues: Cues, opens_paragraph: bool) -> bool:
    """Whether the attributed first sentence of a paragraph is the source of the paragraph's
    next sentence: it attributes something of its own, not only a quotation ('"We are
    ready," she said.' sources the quotation, not the figures after it), and the next
    sentence continues it."""
    prose = first.block.document.prose
    if any(mark in prose[first.start : first.end] for mark in _QUOTE_MARKS):
        return False
    return _continues(figure_sentence, first, True, cues, opens_paragraph)


def _continues(figure_sentence: Sentence, other: Sentence, other_first: bool, cues: Cues,
               opens_paragraph: bool = True) -> bool:
    """Whether the attributed ``other`` sentence is about the same subject as the figure's.
    A sentence before that opens the paragraph needs one content word in common; one later
    in the paragraph needs a common word, not only a name ("The State Department announced
    that the minister would stop in Myanmar. 600,000 Rohingya have fled Myanmar.")."""
    words = other.words
    if any(t.text.lower() in REFERRING for t in words):
        return True  # "The ministry gave the toll on Tuesday."
    later = figure_sentence if other_first else other
    if later.words and later.words[0].text.lower() in ANAPHORA:
        return True  # "... said on Tuesday. It put the number at 300."
    if other_first:
        if _ends_in_attribution(other, cues):
            return True  # "The ministry said on Tuesday." then the figures
        if any(t.text.lower() == "had" for t in figure_sentence.words):
            return True  # reported speech goes on: "... said. Twenty people had died."
        shared = _keys(figure_sentence) & _keys(other)
        if opens_paragraph:
            return bool(shared)
        return bool(shared - _keys(figure_sentence, names=True) - _keys(other, names=True))
    # A following sentence that names a source continues the figure only when it says more
    # of the same thing: two content words in common, not one name ("The tax bill would add
    # $1.4 trillion to the debt. The senator said he liked the bill.").
    return len(_keys(figure_sentence) & _keys(other)) >= 2
