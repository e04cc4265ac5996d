"""WEB005 mojibake: UTF-8 text decoded with the wrong encoding."""

from __future__ import annotations

import re

from ...document import Document
from ...rule import Edit, Finding, Fix, Rule

# UTF-8 read as Windows-1252 or Latin-1: a lead byte shown as Â-ï, then continuation bytes.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE_UNIT = f"[\u00c2-\u00ef][{_CONTINUATION}]{{1,3}}"
# One or more units, written so that the pattern starts with a character set: re then skips
# ahead to a lead character instead of entering a group at every position of the text.
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
