"""Every hook newslint calls, in one place (the pytest/pluggy pattern).

A plugin is a module (or object) with functions marked ``@newslint.hookimpl`` whose names
match these specifications. Third-party plugins are found through the ``newslint``
entry-point group; the entry-point name is the plugin's name::

    [project.entry-points.newslint]
    apstyle = "newslint_apstyle.plugin"

Built-in rules are registered through these same hooks.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_rules():
    """Return the rule classes this plugin provides (subclasses of ``newslint.Rule``).

    Every code a plugin returns reserves that code's letter prefix (``LT`` for ``LT001``)
    for the plugin: two plugins whose rules share a prefix is an error that names both,
    as flake8 does. The built-in families (SPN, TYP, SEN, ATR, RDB, WEB, NL) are reserved
    for newslint itself. Keep the rule modules cheap to import: load heavy data inside
    ``check``, on first use.
    """
