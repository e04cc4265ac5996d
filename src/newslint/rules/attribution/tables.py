"""ATR001's tables: the attribution cues (attribution-cues.txt) and the counted things,
measured things and event words (counted-things.txt), both beside this module, plus what
the rule's options add. Built once per run through the run context."""

from __future__ import annotations

import re
from typing import NamedTuple

from ...patterns import compile_user_regex
from ...context import data_path
from .figures import CASUALTY

CUES_FILE = "attribution-cues.txt"
COUNTED_FILE = "counted-things.txt"


def _read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def is_pattern_line(line: str) -> bool:
    """A ``/regex/`` cue line, rather than a phrase."""
    return len(line) > 2 and line.startswith("/") and line.endswith("/")


def compile_cues(lines: list[str]) -> Cues:
    """The patterns for cue lines: phrases as whole words, ``/regex/`` lines as they are."""
    phrases, patterns, parts = [], [], []
    for line in lines:
        if is_pattern_line(line):
            patterns.append(f"(?:{line[1:-1]})")
            parts.append(patterns[-1])
        else:
            words = line.split()
            phrases.append(r"\b" + r"\s+".join(re.escape(w.lower()) for w in words) + r"\b")
            parts.append(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b")
    return Cues(
        ("|".join(parts) or r"(?!)", re.IGNORECASE),
        ("|".join(phrases), 0) if phrases else None,
        ("|".join(patterns), re.IGNORECASE) if patterns else None,
    )


class Cues:
    """Attribution cues. ``pattern`` finds them, in the order of the lines. Whether a span
    holds one is asked far more often, and answered faster (see ``holds``) by ``phrases``,
    the phrase lines lowercased, on the lowercased text, then ``patterns``, the /regex/
    lines: a case-insensitive alternation of a hundred phrases was much slower.

    Each is compiled when first used (``compile`` does all three at once): most articles
    have no figure for which a cue is looked up, and the three cost several milliseconds of
    a one-file run's start."""

    __slots__ = ("_sources", "_pattern", "_phrases", "_patterns")

    def __init__(self, pattern: tuple[str, int], phrases: tuple[str, int] | None,
                 patterns: tuple[str, int] | None) -> None:
        self._sources = (pattern, phrases, patterns)
        self._pattern = None  # None: not compiled yet; False: no lines of that kind
        self._phrases = False if phrases is None else None
        self._patterns = False if patterns is None else None

    def compile(self) -> Cues:
        """Compile all three now (a bad user pattern is then an error before any file)."""
        pattern, phrases, patterns = self._sources
        self._pattern = re.compile(*pattern)
        self._phrases = False if phrases is None else re.compile(*phrases)
        self._patterns = False if patterns is None else re.compile(*patterns)
        return self

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = re.compile(*self._sources[0])
        return self._pattern

    @property
    def phrases(self) -> re.Pattern | None:
        if self._phrases is None:
            self._phrases = re.compile(*self._sources[1])
        return self._phrases or None

    @property
    def patterns(self) -> re.Pattern | None:
        if self._patterns is None:
            self._patterns = re.compile(*self._sources[2])
        return self._patterns or None

    def holds(self, prose: str, lowered: str | None, start: int, end: int) -> bool:
        """Whether ``prose[start:end]`` holds a cue; ``lowered`` is ``prose.lower()`` when
        that has the same length (so the same offsets), else None."""
        if lowered is None:
            return self.pattern.search(prose, start, end) is not None
        phrases = self.phrases
        if phrases is not None and phrases.search(lowered, start, end):
            return True
        patterns = self.patterns
        return patterns is not None and patterns.search(prose, start, end) is not None


class Tables(NamedTuple):
    cues: Cues
    counted: frozenset[str]
    measured: frozenset[str]
    events: frozenset[str]
    occurrences: frozenset[str]  # counted things a count of which is a claim with no event word


def _sections(lines: list[str]) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"counted": [], "measured": [], "events": [], "occurrences": []}
    current = sections["counted"]
    for line in lines:
        if line.startswith("@"):
            current = sections[line[1:].strip()]
        else:
            current.append(line.lower())
    return sections


TABLE_OPTIONS = ("cues", "counted", "measured", "events", "occurrences")


def load_tables(cues: tuple[str, ...] = (), counted: tuple[str, ...] = (), measured: tuple[str, ...] = (),
                events: tuple[str, ...] = (), occurrences: tuple[str, ...] = ()) -> Tables:
    """The cue pattern and word sets, from the data files plus what the rule's options add."""
    for cue in cues:
        if is_pattern_line(cue.strip()):
            compile_user_regex(cue.strip()[1:-1], "ATR001 'cues'", re.IGNORECASE)
    cue_lines = _read_lines(data_path(__file__, CUES_FILE)) + [c.strip() for c in cues if c.strip()]
    sections = _sections(_read_lines(data_path(__file__, COUNTED_FILE)))
    extra = {"counted": counted, "measured": measured, "events": events, "occurrences": occurrences}
    words = {
        key: frozenset(sections[key] + [w.strip().lower() for w in extra[key] if w.strip()])
        for key in sections
    }
    # A casualty verb that counts ("300 have been killed") is always an event.
    compiled = compile_cues(cue_lines)
    if cues:  # the rule's own cues: a pattern that breaks the whole is a configuration error now
        compiled.compile()
    return Tables(compiled, words["counted"] | words["occurrences"], words["measured"],
                  words["events"] | CASUALTY, words["occurrences"])
