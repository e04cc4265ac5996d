"""A Document is freed as soon as the engine is done with it: its blocks and sentences refer
back to it, and a large document left for the garbage collector's next full pass was still
held while the next file was linted. Nothing here is timed or measured in bytes."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

import newslint.engine as engine
from newslint.config import Overrides
from newslint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def parsed(monkeypatch):
    """Weak references to every Document the engine parses, with the garbage collector off."""
    refs: list[weakref.ref] = []
    parse = engine.parse

    def parse_and_watch(*args, **kwargs):
        document = parse(*args, **kwargs)
        refs.append(weakref.ref(document))
        return document

    monkeypatch.setattr(engine, "parse", parse_and_watch)
    was_enabled = gc.isenabled()
    gc.disable()
    yield refs
    if was_enabled:
        gc.enable()


@pytest.mark.parametrize("name", ["scraped-wire-story.txt", "spun-story-with-front-matter.md"])
def test_a_linted_document_is_freed_without_the_garbage_collector(parsed, name):
    path = ROOT / "examples" / name
    result = Linter(metrics=True, keep_text=True).lint_text(path.read_text(encoding="utf-8"), name)
    assert result.diagnostics and result.readability is not None
    assert parsed and all(ref() is None for ref in parsed)


def test_every_document_of_a_fix_is_freed_without_the_garbage_collector(parsed):
    linter = Linter(overrides=Overrides(select=("TYP003",)), fix=True)
    result = linter.lint_text("The the army said that the the town had fallen.\n\nIt it was late.\n", "a.txt")
    assert result.fixed == "The army said that the town had fallen.\n\nIt was late.\n"
    assert len(parsed) >= 2 and all(ref() is None for ref in parsed)
