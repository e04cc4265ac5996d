"""WEB004 html-residue: HTML entities, tags and shortcodes left in the copy."""

from __future__ import annotations

import re

from ...document import CODE, FIELD, Document
from ...parse.inline import TAG_RE
from ...rule import Edit, Finding, Fix, Rule
from .text import excerpt

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
                    yield Finding(m.start(), m.end(), f"HTML markup {excerpt(m.group())} left in the text")
            for m in SHORTCODE_RE.finditer(document.prose, block.start, block.end) if shortcodes else ():
                yield Finding(m.start(), m.end(), f"Shortcode {excerpt(m.group())} left in the text")

    @staticmethod
    def _fix(document: Document, block, start: int, end: int, char: str) -> Fix | None:
        if not char.isprintable() or char.isspace():
            return None
        if block.kind == FIELD and char.isascii() and not char.isalnum():
            return None  # ' " # : & and friends can end, comment out or re-type a YAML value
        return Fix((Edit(start, end, char),), f"Replace with {char}")
