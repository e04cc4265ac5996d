"""The result cache: a file's results kept under a key of everything that decides them.

A key is a hash of the file's bytes and path, the effective configuration for it (the rules
enabled, their severities and options, the contents of the files those options name, the
data rules' definitions), the rule set (every rule and plugin with its version) and the code
and data of newslint and of the plugins (size and modification times of their files, as
Python's own bytecode cache does, so that an editable install being worked on never serves
what older code found). Nothing is ever invalidated: a change to any of these is a new key.

An entry is one file, written whole under a temporary name and renamed into place, so
processes running side by side (``-j``, several runs at once) never see half an entry; it
carries a checksum of itself, so a damaged entry is a miss, never an error.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from .version import __version__
from .rule import Diagnostic, Edit, Fix

try:  # hashlib's own blake2b, without hashlib loading OpenSSL (2 ms of every run's start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from .registry import Registry
    from .rule import Rule

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A cache of newslint's results; 'newslint clean' removes it.\n"
_GITIGNORE = "# Written by newslint: the cache is never committed.\n*\n"


def _hash(*parts: bytes) -> str:
    digest = blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))  # so that no two splits of the bytes collide
        digest.update(part)
    return digest.hexdigest()


class ResultCache:
    """The entries under ``directory``; every failure to read or write one is a miss."""

    def __init__(self, directory: str) -> None:
        self.directory = os.path.abspath(directory)

    def key(self, fingerprint: str, path: str, data: bytes) -> str:
        """The key of ``path`` holding ``data`` under a configuration's ``fingerprint``."""
        return _hash(fingerprint.encode(), os.fsencode(path), data)

    def _entry(self, key: str) -> str:
        return os.path.join(self.directory, "results", key)

    def get(self, key: str, path: str) -> dict[str, Any] | None:
        """The fields of the result of ``path`` kept under ``key``, or None (none kept, or damaged)."""
        try:
            with open(self._entry(key), "rb") as f:
                checksum, _, payload = f.read().partition(b"\n")
            if checksum.decode("ascii") != _hash(payload):
                return None
            return _decode(json.loads(payload), path)
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def put(self, key: str, result: Any) -> None:
        """Keep ``result`` (a FileResult) under ``key``; when the folder cannot be written,
        nothing is kept and nothing is said (the run is the same, only not faster next time)."""
        payload = json.dumps(_encode(result), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        entry = self._entry(key)
        temporary = f"{entry}.{os.getpid()}.tmp"
        try:
            try:
                f = open(temporary, "wb")
            except FileNotFoundError:
                self._create(os.path.dirname(entry))
                f = open(temporary, "wb")
            with f:
                f.write(_hash(payload).encode("ascii") + b"\n" + payload)
            os.replace(temporary, entry)
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass

    def _create(self, folder: str) -> None:
        """The cache folder, marked as a cache (CACHEDIR.TAG) and ignored by git, then ``folder`` in it."""
        if not os.path.isdir(self.directory):
            os.makedirs(self.directory, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
                with open(os.path.join(self.directory, name), "w", encoding="utf-8") as f:
                    f.write(text)
        os.makedirs(folder, exist_ok=True)


def clean(directory: str) -> bool:
    """Remove the cache at ``directory``; whether there was one. A folder newslint did not
    make (no CACHEDIR.TAG of its own) is left alone: ValueError."""
    if not os.path.lexists(directory):
        return False
    try:
        with open(os.path.join(directory, "CACHEDIR.TAG"), encoding="utf-8") as f:
            ours = f.read() == _TAG
    except OSError:
        ours = False
    if not ours:
        raise ValueError(f"{directory}: not a newslint cache (no CACHEDIR.TAG written by newslint); left as it is")
    import shutil

    shutil.rmtree(directory)
    return True


def fingerprint(rules: list[tuple[Rule, str]], registry: Registry, code: str, extra: tuple = ()) -> str:
    """What decides a file's results besides its bytes and path: the rules that run, with
    their severities, options and the contents of the files options name; the data rules'
    tables; every rule and plugin known (suppressions name them); ``code`` (``code_fingerprint``)."""
    enabled = []
    for rule, severity in rules:
        named = {name: _file_hash(rule.settings.get(name)) for name in rule.path_options}
        enabled.append([rule.code, rule.name, rule.plugin, severity, rule.settings, named,
                        getattr(type(rule), "spec", None)])
    known = [[c, r.name, r.plugin] for c, r in registry.rules.items()]
    text = json.dumps([__version__, code, sorted(registry.plugins.items()), known, enabled, list(extra)],
                      sort_keys=True, default=repr)
    return _hash(text.encode("utf-8"))


def code_fingerprint(registry: Registry) -> str:
    """The size and modification times of every file of newslint and of the packages its
    rules come from (code and data: what a version number may not tell apart)."""
    import sys

    roots = {os.path.dirname(os.path.abspath(__file__))}
    for rule in registry.rules.values():
        module = sys.modules.get(rule.__module__)
        top = sys.modules.get(rule.__module__.partition(".")[0])
        where = getattr(top, "__path__", None)
        if where:
            roots.update(os.path.abspath(p) for p in where)
        elif getattr(module, "__file__", None):
            roots.add(os.path.abspath(module.__file__))
    stamps = []
    for root in sorted(roots):
        if os.path.isfile(root):
            stamps.append(_stamp(root))
            continue
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            stamps.extend(_stamp(os.path.join(folder, name)) for name in sorted(files))
    return _hash(json.dumps(stamps).encode("utf-8"))


def _stamp(path: str) -> list:
    try:
        info = os.stat(path)
    except OSError:
        return [path]
    return [path, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _file_hash(path: Any) -> str | None:
    """The hash of the contents of the file an option names (a vocabulary, a source text)."""
    if not isinstance(path, str) or not path:
        return None
    try:
        with open(path, "rb") as f:
            return _hash(f.read())
    except OSError:
        return None


# -- entries as JSON ------------------------------------------------------------------------


def _encode(result: Any) -> dict[str, Any]:
    readability = result.readability
    return {
        "words": result.words,
        "diagnostics": [
            [d.line, d.column, d.end_line, d.end_column, d.code, d.name, d.family, d.severity, d.message, d.text,
             d.start, d.end, d.suggestions,
             [[[e.start, e.end, e.content] for e in d.fix.edits], d.fix.message, d.fix.safe] if d.fix else None,
             d.fix_edits]
            for d in result.diagnostics
        ],
        "readability": None if readability is None else [getattr(readability, f) for f in readability.__match_args__],
        "text": result.text,
    }


def _decode(entry: dict[str, Any], path: str) -> dict[str, Any]:
    """The fields of the FileResult of ``path`` from an entry."""
    diagnostics = []
    for row in entry["diagnostics"]:
        *head, suggestions, fix, fix_edits = row
        if fix is not None:
            edits, message, safe = fix
            fix = Fix(tuple(Edit(*edit) for edit in edits), message, safe)
        diagnostics.append(Diagnostic(path, *head, tuple(suggestions), fix, tuple(tuple(edit) for edit in fix_edits)))
    readability = entry["readability"]
    if readability is not None:
        from .metrics import Counts

        readability = Counts(*readability)
    return {"words": entry["words"], "diagnostics": diagnostics, "readability": readability, "text": entry["text"]}

