"""Regular expressions that users write (``accept``, vocabulary files, rule options, data
rules): compiled once when the configuration loads, with a message that names where the pattern
was written, and refused when their shape can make matching take exponential time."""

from __future__ import annotations

from .errors import ConfigError


def compile_user_regex(pattern: str, where: str, flags: int = 0):
    """A regular expression a user wrote (``accept``, a vocabulary file, a rule option),
    compiled; a ConfigError naming ``where`` (the key, or the file and line) and the pattern
    when it is not one, or when it could take exponential time (``backtracking_risk``), so a
    bad pattern is one line when the configuration loads, never a hung run."""
    import re

    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"{where}: bad pattern '{pattern}': {exc}") from None
    risk = backtracking_risk(pattern)
    if risk:
        raise ConfigError(f"{where}: pattern '{pattern}' refused: {risk}")
    return compiled


def backtracking_risk(pattern: str) -> str | None:
    """What in a user's regular expression can make matching take exponential time (a
    repeated group that can split the same text between its repeats in many ways: ``(a+)+``,
    ``(\\w+\\s?)*``), or None. A repeat with something mandatory besides its inner repeats
    (``(-[A-Z][a-z]+)*``), a possessive quantifier and an atomic group are safe. A check of
    the pattern's shape, made at load, so that no article can hang the run."""
    risk = _RiskScanner(pattern).alternation()[2]
    if risk is None:
        return None
    return (f"the repeated group '{risk}' nests a repeat and can match the same text in exponentially "
            "many ways; give its repeats a mandatory separator, or make a quantifier possessive (a++)")


class _RiskScanner:
    """A small reader of regular-expression syntax, enough to find nested repeats: each
    piece is read as (mandatory: it matches at least one character, loose: it holds an
    unbounded repeat that can give characters back)."""

    _ZERO_WIDTH_ESCAPES = set("bBAZzGmM")

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def alternation(self) -> tuple[bool, bool, str | None]:
        """(mandatory, risky when repeated, the first risky group found) up to ``)`` or the end."""
        mandatory, risky, found = True, False, None
        while True:
            branch_mandatory, branch_risky, branch_found = self.branch()
            mandatory &= branch_mandatory
            risky |= branch_risky
            found = found or branch_found
            if self.i < len(self.p) and self.p[self.i] == "|":
                self.i += 1
                continue
            return mandatory, risky, found

    def branch(self) -> tuple[bool, bool, str | None]:
        p = self.p
        any_mandatory_fixed = False  # something that must match and is not an unbounded repeat
        any_loose = False
        mandatory = False
        found = None
        while self.i < len(p) and p[self.i] not in "|)":
            start = self.i
            atom_mandatory, atom_risky, atom_found = self.atom()
            found = found or atom_found
            low, unbounded, possessive = self.quantifier()
            if unbounded and not possessive and atom_risky and found is None:
                found = p[start : self.i]
            item_mandatory = atom_mandatory and low > 0
            mandatory |= item_mandatory
            if not possessive and (unbounded or atom_risky):
                any_loose = True
            elif item_mandatory:
                any_mandatory_fixed = True
        return mandatory, any_loose and not any_mandatory_fixed, found

    def atom(self) -> tuple[bool, bool, str | None]:
        p, i = self.p, self.i
        c = p[i]
        if c == "\\":
            nxt = p[i + 1 : i + 2]
            self.i = i + 2
            if nxt in ("p", "P", "N", "x", "u", "U") and p[self.i : self.i + 1] == "{":
                self.i = p.find("}", self.i) + 1 or len(p)
            return nxt not in self._ZERO_WIDTH_ESCAPES, False, None
        if c == "[":
            j = i + 1
            if p[j : j + 1] == "^":
                j += 1
            if p[j : j + 1] == "]":
                j += 1
            while j < len(p) and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            self.i = j + 1
            return True, False, None
        if c == "(":
            return self.group()
        self.i = i + 1
        return c not in "^$", False, None

    def group(self) -> tuple[bool, bool, str | None]:
        p = self.p
        self.i += 1
        atomic = zero_width = False
        if p.startswith("?", self.i):
            head = p[self.i : self.i + 3]
            if head.startswith("?#"):
                self.i = p.find(")", self.i) + 1 or len(p)
                return False, False, None
            if head.startswith("?>"):
                atomic = True
            elif head.startswith(("?=", "?!", "?<=", "?<!")):
                zero_width = True
            end = self.i
            while end < len(p) and p[end] not in ":)>=!" or p[end : end + 2] in ("<=", "<!"):
                end += 1
            if head.startswith(("?P<", "?<")) and not zero_width:
                end = p.find(">", self.i)
            if end < len(p) and p[end] == ")":  # inline flags: (?i)
                self.i = end + 1
                return False, False, None
            self.i = (end + 1) if end >= 0 else len(p)
            if head.startswith(("?<=", "?<!")):
                self.i = self.i + 1 if p[self.i - 1] in "<" else self.i
        mandatory, risky, found = self.alternation()
        self.i += 1  # the closing parenthesis
        if zero_width:
            return False, False, found
        return mandatory, risky and not atomic, found

    def quantifier(self) -> tuple[int, bool, bool]:
        """(least repeats, unbounded, possessive) of the quantifier at the cursor (1, False, False if none)."""
        p, i = self.p, self.i
        if i >= len(p):
            return 1, False, False
        c = p[i]
        if c in "*+?":
            low, unbounded = (0 if c != "+" else 1), c != "?"
            i += 1
        elif c == "{":
            close = p.find("}", i)
            body = p[i + 1 : close] if close > 0 else ""
            lo, comma, hi = body.partition(",")
            if not (lo.strip().isdigit() or (comma and not lo.strip())) or (hi.strip() and not hi.strip().isdigit()):
                return 1, False, False  # a literal brace
            low = int(lo) if lo.strip() else 0
            unbounded = bool(comma) and not hi.strip()
            i = close + 1
        else:
            return 1, False, False
        possessive = p[i : i + 1] == "+"
        if p[i : i + 1] in "?+" and p[i : i + 1]:
            i += 1
        self.i = i
        return low, unbounded, possessive
