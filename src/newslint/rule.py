"""The rule API: a rule is a small class whose ``check(document)`` yields findings.

A rule reads the Document (never the file) and yields ``Finding`` objects with absolute
offsets; the engine turns them into ``Diagnostic`` objects with line, column, severity
and rule metadata. A rule receives its own options and the run's ``RunContext`` (where
tables and memos shared across articles live); it keeps no state between articles.
Documentation lives in the class docstring, in fixed sections, and ``newslint rule CODE``
prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
import re
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from .config import SEVERITIES

if TYPE_CHECKING:
    from .context import RunContext
    from .document import Document
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Known false positives")
CODE_RE = re.compile(r"^([A-Z]{2,5})(\d{3})$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _pickled_by_fields(cls):
    """Pickle instances as the class and its field values. Results come back from worker
    processes pickled, and the default protocol of a slots dataclass, which sets each field
    through a Python loop, made that slower."""
    fields = attrgetter(*cls.__match_args__)
    cls.__reduce__ = lambda self: (cls, fields(self))
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content``."""

    start: int
    end: int
    content: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that repair a finding. Only ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    message: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a span of the document and a message."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None


@_pickled_by_fields
@dataclass(slots=True)
class Diagnostic:
    """A finding resolved for output: positions, rule metadata and effective severity."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    family: str
    severity: str
    message: str
    text: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # The fix's edits as (line, column, end_line, end_column, content), for reporters.
    fix_edits: tuple[tuple[int, int, int, int, str], ...] = ()

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)


@dataclass(frozen=True)
class Flag:
    """A command-line flag of ``newslint check`` that sets one of a rule's options and
    selects the rule (SPN002's ``--source FILE``)."""

    flag: str
    option: str
    metavar: str
    help: str


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``.

    ``options`` holds the defaults of the rule's options; a newsroom sets them in
    ``[tool.newslint.rules.CODE]`` and the rule reads ``self.settings``. The top-level
    configuration keys ``accept``, ``reject`` and ``vocabulary`` set the option of the same
    name on every rule that declares it. Options named in ``path_options`` are files,
    relative to the configuration file that sets them.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[str] = "warning"
    enabled_by_default: ClassVar[bool] = True
    fixable: ClassVar[bool] = False  # offers safe fixes, which --fix applies
    unsafe_fixable: ClassVar[bool] = False  # offers fixes that may change meaning (--unsafe-fixes)
    options: ClassVar[dict[str, Any]] = {}
    path_options: ClassVar[tuple[str, ...]] = ()
    flags: ClassVar[tuple[Flag, ...]] = ()
    reports_words: ClassVar[bool] = False  # its findings are words a vocabulary can accept (newslint words)
    # Its findings are decided by the document, its options and its data alone, so they may be
    # kept between runs (the result cache); False for a rule asking a server, whose answers may change.
    cacheable: ClassVar[bool] = True
    data_files: ClassVar[tuple[str, ...]] = ()  # data it reads, relative to its module's folder
    plugin: ClassVar[str] = "newslint"  # set by the registry to the providing plugin's name

    def __init__(self, settings: dict[str, Any] | None = None, context: RunContext | None = None) -> None:
        from .context import RunContext

        self.settings: dict[str, Any] = {**self.options, **(settings or {})}
        self.context = context if context is not None else RunContext()

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def review(self, document: Document, unused_suppressions: list[Finding]) -> Iterable[Finding]:
        """Findings about the suppressions themselves, asked after suppression is applied:
        ``unused_suppressions`` are the comments and front-matter ignores that suppressed
        nothing. Most rules need nothing of it."""
        return ()

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().split("\n", 1)[0]

    @classmethod
    def facts(cls) -> str:
        """The line under a rule's title in its documentation (``newslint rule``, an editor's hover)."""
        fix = "available" if cls.fixable else "unsafe, with --fix --unsafe-fixes" if cls.unsafe_fixable else "none"
        enabled = "Enabled" if cls.enabled_by_default else "Opt-in (select it to enable)"
        return f"Family: {cls.family}. Default severity: {cls.severity}. Plugin: {cls.plugin}. {enabled}. Fix: {fix}."

    @classmethod
    def page(cls) -> str:
        """The rule's documentation as one Markdown page: what ``newslint rule CODE`` prints,
        the editor's hover shows and ``docs/rules/CODE.md`` holds. Option defaults are
        written as TOML, as a newsroom would set them."""
        import json

        title, _, body = cls.documentation().partition("\n")
        lines = [f"# {cls.code} {cls.name}: {title}", "", cls.facts()]
        if cls.options:
            lines += ["", f"Options (`[tool.newslint.rules.{cls.code}]`):", ""]
            lines += [f"- `{name} = {json.dumps(default, ensure_ascii=False)}`" for name, default in cls.options.items()]
        if body.strip():
            lines += ["", body.strip()]
        return "\n".join(lines) + "\n"

    @classmethod
    def in_checkout(cls, *parts: str) -> str | None:
        """``parts`` under the closest folder above the rule's file that has them (its fixtures,
        its documentation page in a source checkout), or None; from here for a data rule."""
        import os

        source = cls.source_file()
        directory = os.path.dirname(os.path.abspath(source)) if source else os.getcwd()
        while True:
            candidate = os.path.join(directory, *parts)
            if os.path.exists(candidate):
                return candidate
            parent = os.path.dirname(directory)
            if parent == directory:
                return None
            directory = parent

    @classmethod
    def source_file(cls) -> str | None:
        """The file that defines the rule (None for a rule built from data)."""
        import inspect

        try:
            return inspect.getsourcefile(cls)
        except (TypeError, OSError):
            return None

    @classmethod
    def data_paths(cls) -> list[str]:
        """The data files the rule reads (``data_files``), as paths."""
        from .context import data_path

        source = cls.source_file()
        return [data_path(source, name) for name in cls.data_files] if source else []


def validate_rule(rule: type) -> list[str]:
    """What is wrong with a rule class's metadata, as messages (empty when it is fine)."""
    problems = []
    label = getattr(rule, "__name__", repr(rule))
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return [f"{label} is not a newslint.Rule subclass"]
    code = getattr(rule, "code", None)
    if not isinstance(code, str) or not CODE_RE.match(code):
        problems.append(f"{label}: code {code!r} is not 2-5 capital letters and 3 digits (e.g. TYP001)")
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or not NAME_RE.match(name):
        problems.append(f"{label}: name {name!r} is not kebab-case (e.g. repeated-word)")
    if not isinstance(getattr(rule, "family", None), str) or not rule.family:
        problems.append(f"{label}: family is missing")
    if rule.severity not in SEVERITIES:
        problems.append(f"{label}: severity {rule.severity!r} is not one of {', '.join(SEVERITIES)}")
    if rule.check is Rule.check:
        problems.append(f"{label}: check() is not implemented")
    return problems


def missing_doc_sections(rule: type[Rule]) -> list[str]:
    doc = rule.documentation()
    return [s for s in DOC_SECTIONS if f"## {s}" not in doc]
