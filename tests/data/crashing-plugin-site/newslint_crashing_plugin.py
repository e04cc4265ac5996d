"""A plugin whose rule fails on an article that says CRASH, for tests/test_server.py: the server
must log it and report every other rule's findings."""

import newslint
from newslint import Rule


class Crash(Rule):
    """Fails on an article that says CRASH (a plugin's bug)."""

    code, name, family = "CRS001", "crash", "crash"

    def check(self, document):
        if "CRASH" in document.text:
            raise RuntimeError("the plugin's bug")
        return ()


@newslint.hookimpl
def newslint_rules():
    return [Crash]
