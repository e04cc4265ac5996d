"""Plugin discovery: built-in and third-party rules, one mechanism, into a ``Registry``.

Built-in rules come through the same ``newslint_rules`` hook that third-party packages
implement; those are found once per run through the ``newslint`` entry-point group.
"""

from __future__ import annotations

import os
import re

from .errors import PluginError
from .registry import BUILTIN, Registry

ENTRY_POINT_GROUP = "newslint"
# Set (to anything) to run with the built-in rules only, as pytest's PYTEST_DISABLE_PLUGIN_AUTOLOAD.
DISABLE_AUTOLOAD = "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"


def _builtin_plugin():
    from . import rules

    return rules


def load_plugins(load_entry_points: bool = True) -> Registry:
    """Register the built-in rules and every installed plugin's. Raises PluginError."""
    import pluggy

    from . import hookspecs

    pm = pluggy.PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    pm.register(_builtin_plugin(), name=BUILTIN)
    registry = Registry()
    registry.plugins[BUILTIN] = "built-in"
    if load_entry_points and not os.environ.get(DISABLE_AUTOLOAD):
        _load_entry_points(pm, registry)
    # The built-in rules first, so that their code prefixes are newslint's whatever is installed.
    for impl in sorted(pm.hook.newslint_rules.get_hookimpls(), key=lambda impl: impl.plugin_name != BUILTIN):
        name = impl.plugin_name
        try:
            provided = impl.function()
        except Exception as exc:  # a broken plugin must not show a traceback
            raise PluginError(f"plugin '{name}': newslint_rules() failed: {exc}") from None
        registry.add(name, provided or [])
    return registry


def _installed_entry_points() -> list[tuple[str, str, str]]:
    """``(name, value, version)`` of every ``newslint`` entry point on ``sys.path``.

    A plain scan of ``*.dist-info`` and ``*.egg-info`` folders, reading ``entry_points.txt``
    as importlib.metadata does (a distribution found twice counts once, the first on
    ``sys.path`` winning), without importing importlib.metadata, which pulls in email,
    zipfile and csv (a large share of a cold start) and is not needed to read a few small
    text files.
    """
    import sys

    marker = f"[{ENTRY_POINT_GROUP}]"
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for directory in sys.path:
        try:
            with os.scandir(directory or ".") as it:
                entries = sorted((e for e in it if e.name.endswith((".dist-info", ".egg-info"))), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            try:
                with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            if marker not in text:
                continue
            name, version = _distribution(entry.path)
            key = re.sub(r"[-_.]+", "-", (name or entry.name.split("-")[0]).lower())
            if key in seen:
                continue
            seen.add(key)
            found.extend((ep_name, value, version) for ep_name, value in _group(text, ENTRY_POINT_GROUP))
    return found


def _distribution(path: str) -> tuple[str, str]:
    """Name and version from a dist-info's METADATA (an egg-info's PKG-INFO)."""
    name = version = ""
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(path, filename), encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        break  # the end of the headers
                    if line.startswith("Name:"):
                        name = line[5:].strip()
                    elif line.startswith("Version:"):
                        version = line[8:].strip()
            break
        except OSError:
            continue
    return name, version


def _group(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of ``[group]`` in an entry_points.txt (INI format)."""
    out, inside = [], False
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def _load_object(value: str):
    """Import what an entry point names: ``module`` or ``module:attr.attr`` (extras ignored)."""
    import importlib

    value = value.split("[", 1)[0].strip()
    module, _, attrs = value.partition(":")
    obj = importlib.import_module(module.strip())
    for attr in filter(None, attrs.strip().split(".")):
        obj = getattr(obj, attr)
    return obj


def _load_entry_points(pm, registry: Registry) -> None:
    for name, value, version in sorted(_installed_entry_points()):
        if pm.has_plugin(name):
            raise PluginError(f"plugin name '{name}' is used by two installed packages")
        try:
            plugin = _load_object(value)
        except Exception as exc:
            raise PluginError(f"plugin '{name}' ({value}) cannot be loaded: {exc}") from None
        pm.register(plugin, name=name)
        if not pm.get_hookcallers(plugin):
            raise PluginError(_no_hooks(name, value, plugin))
        registry.plugins[name] = version or "?"


def _no_hooks(name: str, value: str, plugin) -> str:
    """Why a plugin implements no hook: pluggy ignores a function that is not marked, so
    without this the plugin would load with no rules and say nothing."""
    if callable(getattr(plugin, "newslint_rules", None)):
        return (f"plugin '{name}' ({value}): newslint_rules() is not marked as a hook; "
                "decorate it with @newslint.hookimpl")
    return f"plugin '{name}' ({value}) has no newslint_rules() hook (decorated with @newslint.hookimpl)"
