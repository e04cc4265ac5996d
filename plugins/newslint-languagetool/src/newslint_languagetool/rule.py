"""LT001: LanguageTool's matches on a document's prose, as newslint findings.

The prose is sent once per document to a LanguageTool server (``POST /v2/check``) through
language-tool-python's ``remote_server`` mode; the server's offsets count UTF-16 code
units and are converted to Python string offsets here. language-tool-python (and the
``requests`` stack under it) is imported on first use only.
"""

from __future__ import annotations

import bisect
import os
import re
from typing import Any

from newslint.errors import ConfigError, NewslintError
from newslint.rule import Finding, Rule

ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"
SPELLING_CATEGORIES = frozenset({"TYPOS"})


class LanguageToolRule(Rule):
    """Grammar and style problems found by a LanguageTool server (opt-in: needs a server).

    ## What it does
    Sends the article's prose (code, URLs, tags and Markdown syntax blanked, as every
    newslint rule sees it) to a LanguageTool server and reports each of its matches,
    with LanguageTool's rule id at the start of the message ("EN_A_VS_AN: Use "an"
    instead of "a" ...") and its replacements as suggestions. Spelling matches on
    capitalised words (names) and on words the configuration's `accept` list holds are
    dropped: newslint's TYP rules know the article's names and report typos better.

    The rule is off unless selected (`--select LT`, or `extend-select = ["LT"]` in the
    configuration), because it needs a server: set `url` under
    `[tool.newslint.rules.LT001]` or the `NEWSLINT_LANGUAGETOOL_URL` environment variable
    (the option wins). Selected with no server configured it is one configuration error.
    A server that fails or does not answer within `timeout` seconds (language-tool-python
    tries a request twice) is one error line per file, saying that file has no LT001
    results; the other rules' results stand, the exit code is 2, and the files after it
    are not sent again.

    ## Why is this bad?
    Agreement errors, wrong articles and confused words slip past spell checkers;
    LanguageTool has thousands of such rules, so newslint uses them rather than
    rewriting them.

    ## Example
    ```text
    The ministers was told about a offer.
    ```

    ## Use instead
    ```text
    The ministers were told about an offer.
    ```

    ## Known false positives
    Whatever LanguageTool's own rules report wrongly: headlines and captions written
    without verbs, house spellings. Disable a LanguageTool rule with `disabled-rules`
    (e.g. `["EN_QUOTES", "COMMA_PARENTHESIS_WHITESPACE"]`). Matches touching text
    newslint blanks (Markdown syntax, code, URLs) are dropped as artefacts.
    """

    code = "LT001"
    name = "languagetool"
    family = "grammar"
    severity = "warning"
    enabled_by_default = False
    cacheable = False  # the server's answers may change between runs
    options = {
        "url": "",  # LanguageTool server, e.g. "http://localhost:8081"; else $NEWSLINT_LANGUAGETOOL_URL
        "language": "en-US",
        "timeout": 10.0,  # seconds per HTTP request
        "spelling": True,  # report LanguageTool's spelling matches on lower-case words
        "disabled-rules": [],  # LanguageTool rule ids not to report
        "max-suggestions": 5,
        "accept": [],  # words not to report as misspelled (the configuration's top-level accept list)
    }

    def __init__(self, settings: dict[str, Any] | None = None, context=None) -> None:
        super().__init__(settings, context)
        url = (self.settings["url"] or os.environ.get(ENV_URL, "")).strip()
        if not url:
            raise ConfigError(
                f"LT001 (languagetool) is selected but no LanguageTool server is configured: set url "
                f"under [tool.newslint.rules.LT001] in the configuration or the {ENV_URL} environment variable"
            )
        if not re.match(r"^https?://[^/\s]+", url):
            raise ConfigError(f"LT001 (languagetool): url {url!r} is not an http:// or https:// URL")
        if self.settings["timeout"] <= 0:
            raise ConfigError("LT001 (languagetool): timeout must be a positive number of seconds")
        self.url = url
        self._tool = None
        self._failed: NewslintError | None = None
        self._accept = {w.lower() for w in self.settings["accept"] if not w.startswith("/")}

    # -- talking to the server --------------------------------------------------------------
    def _server(self):
        if self._tool is None:
            self._tool = self._call(self._connect)
        return self._tool

    def _connect(self):
        from language_tool_python import LanguageTool

        class Tool(LanguageTool):
            _TIMEOUT = float(self.settings["timeout"])  # language-tool-python's per-request timeout

        try:
            tool = Tool(self.settings["language"], remote_server=self.url)
        except ValueError as exc:  # an unknown language tag
            raise ConfigError(f"LT001 (languagetool): {exc}") from None
        if self.settings["disabled-rules"]:
            tool.disabled_rules = set(self.settings["disabled-rules"])
        return tool

    def _call(self, function, *args):
        """Run ``function``; any failure of the server becomes one NewslintError, remembered
        so that the next files fail at once instead of waiting for the server again."""
        if self._failed is not None:
            raise self._failed
        try:
            return function(*args)
        except NewslintError as exc:
            self._failed = exc
            raise
        except Exception as exc:  # requests, language-tool-python, or a malformed answer
            self._failed = NewslintError(f"LanguageTool server {self.url}: {describe_failure(exc, self.settings['timeout'])}")
            raise self._failed from None

    # -- the rule ----------------------------------------------------------------------------
    def check(self, document):
        text, prose = document.text, document.prose
        if not prose.strip():
            return
        tool = self._server()
        matches = self._call(tool.check, prose)
        offsets = Utf16Offsets(prose)
        limit = self.settings["max-suggestions"]
        for match in matches:
            start = match.offset  # language-tool-python gives the start in code points already
            end = offsets.to_python(offsets.to_utf16(start) + match.error_length)
            if not (0 <= start < end <= len(prose)) or text[start:end] != prose[start:end]:
                continue  # spans blanked Markdown, code or URLs: an artefact of the masking
            if self._is_spelling(match):
                word = text[start:end]
                if not self.settings["spelling"] or word[:1].isupper() or word.lower() in self._accept:
                    continue
            yield Finding(start, end, f"{match.rule_id}: {match.message}",
                          suggestions=tuple(r for r in match.replacements[:limit] if r))

    @staticmethod
    def _is_spelling(match) -> bool:
        return (getattr(match, "rule_issue_type", "") == "misspelling"
                or getattr(match, "category", "") in SPELLING_CATEGORIES
                or match.rule_id.startswith("MORFOLOGIK_RULE"))


class Utf16Offsets:
    """Maps between Python string offsets (code points) and UTF-16 code-unit offsets:
    a character outside the Basic Multilingual Plane (an emoji, 𝐀) is one code point but
    two UTF-16 units, so every offset after one differs by one more."""

    def __init__(self, text: str) -> None:
        astral = [] if text.isascii() else [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self.astral = astral  # code-point offsets of the astral characters
        self.astral_ends16 = [i + n + 2 for n, i in enumerate(astral)]  # their ends in UTF-16 units

    def to_utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset)

    def to_python(self, unit: int) -> int:
        """The code-point offset of UTF-16 offset ``unit``; a unit inside a surrogate pair
        rounds up to the end of its character."""
        return unit - bisect.bisect_right(self.astral_ends16, unit)


def describe_failure(exc: BaseException, timeout: float) -> str:
    """One line for a failed request: timeout, refused connection, HTTP error body, ..."""
    chain = []
    e: BaseException | None = exc
    while e is not None and len(chain) < 6:
        chain.append(e)
        e = e.__cause__ or e.__context__
    names = {type(c).__name__ for c in chain}
    text = " ".join(str(c) for c in chain)
    if names & {"Timeout", "ReadTimeout", "ConnectTimeout", "TimeoutError"} or "timed out" in text:
        return f"no answer within {timeout:g} s (timeout; raise the LT001 'timeout' option or check the server)"
    if "Connection refused" in text or "NewConnectionError" in text or "Failed to establish" in text:
        return "cannot connect (connection refused or host unreachable); is the server running?"
    if isinstance(exc, (KeyError, TypeError, AttributeError)):
        return f"unexpected answer, not LanguageTool's /v2 protocol ({type(exc).__name__}: {exc})"
    message = " ".join(str(exc).split())  # an error page's body, on one line
    if not message:
        return f"the server answered with an error and no explanation ({type(exc).__name__})"
    return f"the server reported an error: {message[:200]}"
