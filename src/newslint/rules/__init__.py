"""newslint's built-in rules, registered through the public hook as a plugin's are.

Each family is a module or package of this one that implements ``newslint_rules`` (see
``hookspecs``) as a plugin does; this module gathers them, so a new family is a new folder
here and touches no other file.
"""

import os

from ..hookspecs import hookimpl


@hookimpl
def newslint_rules():
    import importlib

    rules = []
    for family in sorted(_families()):
        module = importlib.import_module(f"{__name__}.{family}")
        rules.extend(module.newslint_rules())
    return rules


def _families() -> list[str]:
    """The family modules and packages beside this file (a listing: nothing is imported)."""
    here = os.path.dirname(os.path.abspath(__file__))
    names = []
    for entry in os.scandir(here):
        if entry.name.startswith(("_", ".")):
            continue
        if entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
            names.append(entry.name)
        elif entry.name.endswith(".py"):
            names.append(entry.name[:-3])
    return names
