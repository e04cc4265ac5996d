"""Scrape residue (WEB): what a CMS or a scraper left in the copy."""

from __future__ import annotations

import re

from ..document import CODE, FIELD, HEADING, PARAGRAPH, SHORT, Document
from ..parse.blocks import is_title_case, words_of
from ..parse.inline import TAG_RE
from ..rule import Edit, Finding, Fix, Rule

ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
SHORTCODE_RE = re.compile(
    r"\[/?(?:caption|gallery|embed|video|audio|playlist|vc_[a-z_]+|et_pb_[a-z_]+)\b[^\]\n]{0,500}\]"
)
# In a Markdown body these entities are escapes a writer may need; elsewhere they are residue.
MARKDOWN_ESCAPES = frozenset({"&amp;", "&lt;", "&gt;", "&nbsp;", "&#60;", "&#62;", "&#38;"})


class HtmlResidue(Rule):
    """HTML entity or markup left in the text (`&hellip;`, `&#8217;`, `<br>`, `[caption]`).

    ## What it does
    Reports HTML character entities in prose, HTML tags in plain-text files and in
    front-matter text fields, and WordPress shortcodes such as `[caption]` anywhere.
    Where the replacement is certain (an entity that stands for a visible character) a
    safe fix writes the character itself.

    ## Why is this bad?
    Entities and tags are how a web page stores text, not text: copied into a plain-text
    article, a feed or a front-matter excerpt they are shown to readers as `&hellip;`.

    ## Example
    ```text
    The government reopened the road for the first time since 2012.&hellip;
    ```

    ## Use instead
    ```text
    The government reopened the road for the first time since 2012…
    ```

    ## Known false positives
    In the body of a Markdown file, HTML is legitimate Markdown: tags are not reported
    there, nor the escapes `&amp;`, `&lt;`, `&gt;` and `&nbsp;`. Entities that stand for
    invisible characters (`&nbsp;`, `&shy;`) are reported without a fix.
    """

    code = "WEB004"
    name = "html-residue"
    family = "web"
    severity = "warning"
    fixable = True

    def check(self, document: Document):
        import html

        # Each pattern starts with its own character; most articles have none of the three.
        entities, shortcodes, tags = "&" in document.prose, "[" in document.prose, "<" in document.text
        if not (entities or shortcodes or tags):
            return
        for block in document.blocks:
            if block.kind == CODE:
                continue
            markdown_body = document.format == "markdown" and block.kind != FIELD
            for m in ENTITY_RE.finditer(document.prose, block.start, block.end) if entities else ():
                entity = m.group()
                char = html.unescape(entity)
                if char == entity or (markdown_body and entity in MARKDOWN_ESCAPES):
                    continue
                yield Finding(
                    m.start(), m.end(), f"HTML entity {entity} left in the text",
                    suggestions=(char,) if char.isprintable() and not char.isspace() else (),
                    fix=self._fix(document, block, m.start(), m.end(), char),
                )
            if not markdown_body and tags:
                for m in TAG_RE.finditer(document.text, block.start, block.end):
                    yield Finding(m.start(), m.end(), f"HTML markup {_short(m.group())} left in the text")
            for m in SHORTCODE_RE.finditer(document.prose, block.start, block.end) if shortcodes else ():
                yield Finding(m.start(), m.end(), f"Shortcode {_short(m.group())} left in the text")

    @staticmethod
    def _fix(document: Document, block, start: int, end: int, char: str) -> Fix | None:
        if not char.isprintable() or char.isspace():
            return None
        if block.kind == FIELD and char.isascii() and not char.isalnum():
            return None  # ' " # : & and friends can end, comment out or re-type a YAML value
        return Fix((Edit(start, end, char),), f"Replace with {char}")


def _short(markup: str) -> str:
    return markup if len(markup) <= 40 else markup[:37] + "..."


MIN_DUPLICATE_CHARS = 30


class DuplicateBlock(Rule):
    """Duplicated paragraph or caption: a block that repeats an earlier one.

    ## What it does
    Reports a paragraph, caption or line that repeats an earlier block of the same
    article word for word (ignoring case, spacing and punctuation), or that is the
    earlier block with something appended, such as a photo credit ("...2020.Credit: AFP").
    Blocks shorter than 30 characters are not compared.

    ## Why is this bad?
    Scrapers pick up a photo caption twice (once from the image, once from its
    caption element) and CMS imports duplicate paragraphs; the copy reads as broken.

    ## Example
    ```text
    Rebels enter the town of Saraqeb in Idlib province, Syria, Feb. 27, 2020.
    Rebels enter the town of Saraqeb in Idlib province, Syria, Feb. 27, 2020.
    ```

    ## Use instead
    Keep one of them.

    ## Known false positives
    A deliberate repeat (a refrain quoted twice, a standfirst repeated as the first
    paragraph) is reported; suppress it with a comment if it is meant.
    """

    code = "WEB002"
    name = "duplicate-block"
    family = "web"
    severity = "warning"

    def check(self, document: Document):
        # Earlier blocks by the first MIN_DUPLICATE_CHARS characters of their key, which a
        # repeat shares: a block is normalised in full only when an earlier one starts the same.
        seen: dict[str, list[list]] = {}  # head -> [[key or None, lowered text, start], ...]
        for block in document.prose_blocks:
            lowered = block.prose.lower()
            head = _collapse(lowered[:_HEAD_CHARS])
            if len(head) < MIN_DUPLICATE_CHARS:
                head = _collapse(lowered)  # a start that is mostly punctuation
                if len(head) < MIN_DUPLICATE_CHARS:
                    continue
            head = head[:MIN_DUPLICATE_CHARS]
            earlier_blocks = seen.get(head)
            if earlier_blocks is None:
                seen[head] = [[None, lowered, block.start]]
                continue
            key = _collapse(lowered)
            for entry in earlier_blocks:
                if entry[0] is None:
                    entry[0] = _collapse(entry[1])
                earlier = entry[0]
                if key == earlier or (key.startswith(earlier) and len(earlier) >= 0.6 * len(key)):
                    what = "repeats" if key == earlier else "repeats, with more after it,"
                    line = document.position(entry[2])[0]
                    yield Finding(block.start, block.end, f"This block {what} the one on line {line}")
                    break
            else:
                earlier_blocks.append([key, lowered, block.start])


_HEAD_CHARS = 64  # enough text to give MIN_DUPLICATE_CHARS of key but for heavy punctuation
_NOT_WORD_OR_SPACE_RE = re.compile(r"[^\w\s]")


def _collapse(lowered: str) -> str:
    """The words of ``lowered``, one space apart, punctuation dropped. The key of a prefix
    of a text is a prefix of the text's key."""
    return " ".join(_NOT_WORD_OR_SPACE_RE.sub(" ", lowered).split())


class ForeignScriptLine(Rule):
    """Line in another script inside an English article (navigation text, related links).

    ## What it does
    Reports a block whose letters are mostly in a script other than Latin (Hebrew,
    Arabic, Cyrillic, CJK, ...) in an article whose letters are otherwise Latin.
    Names and single words in another script inside an English sentence are fine.

    ## Why is this bad?
    A scraper that keeps a site's navigation or related-article list in another
    language leaves lines no English reader can use.

    ## Example
    ```text
    Already signed up? Log in.
    בנימין נתניהו השקת ספר
    ```

    ## Use instead
    Delete the line.

    ## Known false positives
    A quotation given in the original script on a line of its own is reported;
    articles written mostly in another script are not checked at all.
    """

    code = "WEB003"
    name = "foreign-script-line"
    family = "web"
    severity = "warning"

    def check(self, document: Document):
        prose = document.prose
        if prose.isascii() or not NON_LATIN_LETTER_RE.search(prose):
            return  # no letter of another script anywhere: the common case, decided by one scan
        counts = [(block, *_letter_counts(block.prose)) for block in document.prose_blocks]
        latin = sum(c[1] for c in counts)
        other = sum(c[2] for c in counts)
        if latin == 0 or other > 0.2 * (latin + other):
            return  # not an English article with a stray line: nothing to say
        for block, block_latin, block_other in counts:
            if block_other >= 4 and block_other > 2 * block_latin:
                yield Finding(block.start, block.end, "A line in another script in an English article")


LETTER_RE = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER_RE = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())


def _letter_counts(text: str) -> tuple[int, int]:
    """Latin letters and letters of other scripts (Latin = below U+0250, or U+1E00-U+1EFF).
    ASCII letters are counted by bytes.translate and only the non-ASCII characters by
    regex: a regex test of every character cost 0.1 s/MB, a Python loop more."""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    if text.isascii():
        return ascii_letters, 0
    rest = "".join(_NON_ASCII_RE.findall(text))
    other = len(NON_LATIN_LETTER_RE.findall(rest))
    return ascii_letters + len(LETTER_RE.findall(rest)) - other, other


# UTF-8 read as Windows-1252 or Latin-1: a lead byte shown as Â-ï, then continuation bytes.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE_UNIT = f"[\u00c2-\u00ef][{_CONTINUATION}]{{1,3}}"
# One or more units, written so that the pattern starts with a character set: re then skips
# ahead to a lead character (4x faster than a leading group on news copy).
MOJIBAKE_RE = re.compile(f"{_MOJIBAKE_UNIT}(?:{_MOJIBAKE_UNIT})*")


def repair_mojibake(text: str) -> str | None:
    """The text the bytes meant, when ``text`` is UTF-8 decoded as cp1252 or Latin-1."""
    data = bytearray()
    for char in text:  # cp1252 where it has the character, Latin-1 for its five gaps (0x81, 0x8d, ...)
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            try:
                data += char.encode("latin-1")
            except UnicodeEncodeError:
                return None
    try:
        repaired = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if repaired != text else None


class Mojibake(Rule):
    """Mojibake: UTF-8 text decoded with the wrong encoding ("â€™" for "’", "Ã©" for "é").

    ## What it does
    Finds runs of characters that are the UTF-8 bytes of other characters shown as
    Windows-1252 or Latin-1, and checks that re-decoding them gives valid UTF-8. The
    safe fix writes the intended characters.

    ## Why is this bad?
    A feed or a database with the wrong character set turns every apostrophe and
    accent into gibberish that readers see at once.

    ## Example
    ```text
    The ministerâ€™s office in SÃ£o Paulo said.
    ```

    ## Use instead
    ```text
    The minister’s office in São Paulo said.
    ```

    ## Known false positives
    Only sequences that re-decode as valid UTF-8 are reported, so ordinary accented
    text (São, à la, naïve) is left alone.
    """

    code = "WEB005"
    name = "mojibake"
    family = "web"
    severity = "warning"
    fixable = True

    def check(self, document: Document):
        prose = document.prose
        if prose.isascii() or not MOJIBAKE_RE.search(prose):
            return  # a match in a block is a match in the whole prose: one search decides
        for block in document.prose_blocks:
            for m in MOJIBAKE_RE.finditer(prose, block.start, block.end):
                repaired = repair_mojibake(m.group())
                if repaired is None:
                    continue
                yield Finding(
                    m.start(), m.end(), f'Mojibake "{m.group()}": UTF-8 read with the wrong encoding, meant "{repaired}"',
                    suggestions=(repaired,),
                    fix=Fix((Edit(m.start(), m.end(), repaired),), f"Replace with {repaired}"),
                )


_FURNITURE_MAX_WORDS = 15
_FURNITURE_STRIP = " \t.:;!?*-–—|•·>«»\"“”'’()[]"


def _load_furniture() -> re.Pattern:
    import os

    from ..lexicon import DATA_DIR

    with open(os.path.join(DATA_DIR, "furniture.txt"), encoding="utf-8") as f:
        patterns = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)



class PageFurniture(Rule):
    """Page furniture: share buttons, comment and subscription widgets, paywall prompts, teasers.

    ## What it does
    Reports short lines (15 words or fewer) that are the labels of web-page widgets
    rather than copy: share, e-mail and print buttons, comment forms and counters,
    log-in, subscription and paywall prompts, "Click here", "Read more", cookie
    banners. The phrases live in a data file (`data/furniture.txt`). After the last
    full paragraph of the story, short unpunctuated lines in title case (navigation
    labels, related-article teasers) are reported too.

    ## Why is this bad?
    A scraped page keeps its chrome: "Send in e-mail", "Total Comments (0)" and
    "Already signed up? LOG IN" are not part of the story and must not be published.

    ## Example
    ```text
    ... the regime to square one," said Ahmad Rahhal.

    Already signed up? LOG IN
    Total Comments (0)
    ```

    ## Use instead
    Delete the lines.

    ## Known false positives
    A one-line paragraph that happens to read like a widget ("Subscribe now") in the
    body of a story is reported, and so is a trailing title-case line such as a credit
    line after the last paragraph ("Reporting by Jane Doe" is not: it is not in title
    case). Lines in other scripts are left to WEB003.
    """

    code = "WEB001"
    name = "page-furniture"
    family = "web"
    severity = "warning"

    def check(self, document: Document):
        furniture = self.context.load(_load_furniture)

        blocks = [b for b in document.prose_blocks if b.kind != FIELD]
        last_body = next(  # the last full paragraph, searched from the end
            (i for i in reversed(range(len(blocks)))
             if blocks[i].kind == PARAGRAPH and _is_full_paragraph(blocks[i].prose)),
            len(blocks),
        )
        for i, block in enumerate(blocks):
            # Split off at most one word past the limit: most blocks are long paragraphs.
            words = block.prose.split(None, _FURNITURE_MAX_WORDS)
            if len(words) > _FURNITURE_MAX_WORDS:
                continue
            text = " ".join(words)
            if not text.isascii():
                latin, other = _letter_counts(text)
                if other > latin:
                    continue
            label = text.strip(_FURNITURE_STRIP)
            if furniture.fullmatch(label) or furniture.fullmatch(text):
                yield Finding(block.start, block.end, f'Page furniture left in the text: "{_short(text)}"')
            elif (
                i > last_body
                and block.kind in (SHORT, HEADING)
                and is_title_case(words_of(label))
                and not _CREDIT_LINE_RE.search(text)
            ):
                yield Finding(block.start, block.end, f'Navigation or teaser line after the story: "{_short(text)}"')


_CREDIT_LINE_RE = re.compile(r"\b(?:with agencies|reporting by|editing by|writing by|contributed|staff|photo|credit|source|picture)\b", re.IGNORECASE)


def _is_full_paragraph(text: str) -> bool:
    """Twelve words or more and a terminal mark; the words are counted only up to twelve."""
    return text.rstrip(" \t\r\n\"”’')").endswith((".", "!", "?", "…")) and len(text.split(None, 11)) >= 12


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    return [PageFurniture, DuplicateBlock, ForeignScriptLine, HtmlResidue, Mojibake]
