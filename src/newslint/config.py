"""Configuration as plain data: ``newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``.

This module reads TOML and checks its shape (known keys, value types, files that exist) into
immutable ``Settings``. It knows nothing of rules: whether a selector names a rule, whether a
rule has an option, and what the data rules are, is decided where the rules are composed
(``compose.py``), with messages that name this file and key.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError

SEVERITIES = ("error", "warning", "info")
# Info is a hint: shown, but it fails no commit or CI run unless the fail level says so.
DEFAULT_FAIL_LEVEL = "warning"
CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (".*", "node_modules", "_site", "venv", "__pycache__")
KEYS = {
    "select": list,
    "extend-select": list,
    "ignore": list,
    "per-file-ignores": dict,
    "severity": dict,
    "rules": dict,
    "accept": list,
    "reject": list,
    "vocabulary": str,
    "exclude": list,
    "data-rules": list,  # rules as data (datarules.py): inline rule tables
    "data-rule-files": list,  # ... and TOML/YAML files of them
    "max-file-size": (int, str),  # bytes, or "5MB", "800KB"
    "fail-level": str,  # the least severity that makes a run exit 1
    "respect-gitignore": bool,  # a folder search skips what .gitignore and .ignore files ignore
}
# Larger than any article: a file above it is reported and not linted. It bounds what one
# file can cost, in memory above all (a parsed document takes some 50 bytes a byte).
DEFAULT_MAX_FILE_SIZE = 5_000_000
_SIZE_UNITS = {"": 1, "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000}
# Top-level keys that set the option of the same name on every rule that has one.
SHARED_OPTIONS = ("accept", "reject", "vocabulary")


@dataclass(frozen=True)
class Settings:
    """One configuration file, checked for shape. ``root`` anchors relative paths; ``where``
    is ``[tool.newslint]`` for a pyproject.toml, so that messages name the table."""

    root: str
    source: str | None = None
    where: str = ""
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (selector, level)
    rules: tuple[tuple[str, dict[str, Any]], ...] = ()  # (rule code or name, its option table)
    shared: tuple[tuple[str, Any], ...] = ()  # SHARED_OPTIONS given, vocabulary as an absolute path
    exclude: tuple[str, ...] = ()
    data_rules: tuple[Any, ...] = ()  # inline rule tables, as written
    data_rule_files: tuple[Any, ...] = ()  # paths as written, relative to root
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes
    fail_level: str = DEFAULT_FAIL_LEVEL
    respect_gitignore: bool = True

    def error(self, key: str, problem: str) -> ConfigError:
        """A ConfigError naming this file, its table and ``key``."""
        src = self.source or "<config>"
        return ConfigError(f"{src}: {self.where + ' ' if self.where else ''}'{key}': {problem}")

    @property
    def selectors(self) -> list[tuple[str, str]]:
        """Every (key, selector) the file names, to be checked against the known rules."""
        out = [(key, s) for key, values in (("select", self.select or ()), ("extend-select", self.extend_select),
                                            ("ignore", self.ignore)) for s in values]
        out += [("per-file-ignores", s) for _, selectors in self.per_file_ignores for s in selectors]
        return out


@dataclass(frozen=True)
class Overrides:
    """Selection and rule options given on the command line; they apply on top of every
    configuration file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()  # (CODE, ((option, value), ...))
    max_file_size: int | None = None  # bytes; None: the configuration's
    respect_gitignore: bool | None = None  # None: the configuration's

    def options_for(self, code: str) -> dict[str, Any]:
        return {name: value for c, pairs in self.options if c == code for name, value in pairs}


def load_toml(path: str) -> dict[str, Any]:
    """A TOML file as a table; ConfigError naming the file when it cannot be read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8") from None


def load_settings(path: str) -> Settings:
    """Read one configuration file and check its shape."""
    path = os.path.abspath(path)
    data = load_toml(path)
    root = os.path.dirname(path)
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("newslint") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: no [tool.newslint] table")
        return settings_from_table(table, root, path, "[tool.newslint]")
    return settings_from_table(data, root, path)


def settings_from_table(table: dict[str, Any], root: str, source: str | None = None, where: str = "") -> Settings:
    """``Settings`` from a configuration table (what ``newslint.toml`` holds)."""
    check = Settings(root=root, source=source, where=where)
    err = check.error
    for key, value in table.items():
        if key not in KEYS:
            raise err(key, f"unknown key (known keys: {', '.join(KEYS)})")
        if not isinstance(value, KEYS[key]):
            raise err(key, f"expected a {type_name(KEYS[key])}, got {type_name(type(value))}")
    for key in ("select", "extend-select", "ignore", "accept", "reject", "exclude"):
        for item in table.get(key, []):
            if not isinstance(item, str):
                raise err(key, f"expected strings, got {item!r}")
    for pattern, selectors in table.get("per-file-ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            raise err("per-file-ignores", f"'{pattern}' must map to a list of rule codes")
    for selector, level in table.get("severity", {}).items():
        if level not in SEVERITIES:
            raise err("severity", f"'{selector}' = {level!r}: expected one of {', '.join(SEVERITIES)}")
    for selector, options in table.get("rules", {}).items():
        if not isinstance(options, dict):
            raise err("rules", f"'{selector}' must be a table of options")
    shared = {key: tuple(table[key]) for key in ("accept", "reject") if key in table}
    if "vocabulary" in table:
        vocabulary = os.path.join(root, table["vocabulary"])
        if not os.path.isfile(vocabulary):
            raise err("vocabulary", f"file not found: {vocabulary}")
        shared["vocabulary"] = vocabulary
    max_file_size = DEFAULT_MAX_FILE_SIZE
    if "max-file-size" in table:
        try:
            max_file_size = parse_size(table["max-file-size"])
        except ValueError as exc:
            raise err("max-file-size", str(exc)) from None
    fail_level = table.get("fail-level", DEFAULT_FAIL_LEVEL)
    if fail_level not in SEVERITIES:
        raise err("fail-level", f"{fail_level!r}: expected one of {', '.join(SEVERITIES)}")
    select = table.get("select")
    return Settings(
        root=root, source=source, where=where,
        select=tuple(select) if select is not None else None,
        extend_select=tuple(table.get("extend-select", ())),
        ignore=tuple(table.get("ignore", ())),
        per_file_ignores=tuple((p, tuple(s)) for p, s in table.get("per-file-ignores", {}).items()),
        severity=tuple(table.get("severity", {}).items()),
        rules=tuple((selector, dict(options)) for selector, options in table.get("rules", {}).items()),
        shared=tuple(shared.items()),
        exclude=tuple(table.get("exclude", ())),
        data_rules=tuple(table.get("data-rules", ())),
        data_rule_files=tuple(table.get("data-rule-files", ())),
        max_file_size=max_file_size,
        fail_level=fail_level,
        respect_gitignore=table.get("respect-gitignore", True),
    )


def parse_size(value: int | str) -> int:
    """A size in bytes from a number of bytes or a text such as "5MB", "800KB" (units of
    1,000); ValueError saying what is expected."""
    import re

    size = value
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*", value, re.IGNORECASE)
        if match:
            size = int(float(match.group(1)) * _SIZE_UNITS[(match.group(2) or "").lower()])
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ValueError(f"expected a size above 0 in bytes, or with a unit (\"5MB\", \"800KB\"), got {value!r}")
    return size


def type_name(t: type | tuple[type, ...]) -> str:
    """A TOML type's name as a user reads it in a message ("table", not "dict")."""
    if isinstance(t, tuple):
        return " or ".join(map(type_name, t))
    return {list: "list", dict: "table", str: "string", int: "integer", float: "number", bool: "boolean"}.get(
        t, getattr(t, "__name__", str(t))
    )


class ConfigFinder:
    """Finds the closest configuration file at or above a folder, remembering each folder's
    answer for the life of one run (ruff's rule: the closest file applies)."""

    def __init__(self) -> None:
        self._found: dict[str, str | None] = {}

    def __call__(self, directory: str) -> str | None:
        directory = os.path.abspath(directory)
        seen = []
        path: str | None = None
        d = directory
        while True:
            if d in self._found:
                path = self._found[d]
                break
            seen.append(d)
            path = _config_in(d)
            if path is not None:
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        for s in seen:
            self._found[s] = path
        return path


def _config_in(directory: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            if name != "pyproject.toml":
                return candidate
            try:
                with open(candidate, "rb") as f:
                    if b"[tool.newslint" in f.read():
                        return candidate
            except OSError:
                continue
    return None


def per_file_ignores(settings: Settings, path: str | None) -> list[str]:
    if not settings.per_file_ignores or not path:
        return []
    rel = os.path.relpath(os.path.abspath(path), settings.root).replace(os.sep, "/")
    base = os.path.basename(path)
    out = []
    for pattern, selectors in settings.per_file_ignores:
        if fnmatch.fnmatch(rel, pattern) or ("/" not in pattern and fnmatch.fnmatch(base, pattern)):
            out.extend(selectors)
    return out


def is_skipped_name(name: str) -> bool:
    """Whether a file or folder met while searching a folder is skipped whatever the
    configuration says (hidden folders, node_modules, ...); ``ignore.py`` applies the rest."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in DEFAULT_EXCLUDE)
