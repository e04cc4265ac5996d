"""What rules share across articles lives in the run's RunContext, and never changes output:
an article gives the same diagnostics linted alone, first, or after a thousand others."""

from __future__ import annotations

import json
from pathlib import Path

from newslint.config import Overrides
from newslint.context import RunContext
from newslint.engine import Linter
from newslint.plugins import load_plugins

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters_2017.jsonl"  # beside a clone on the project's machines


def _articles() -> list[tuple[str, str]]:
    """Varied copy: the shared Reuters corpus (one story an article) when it is beside this
    clone, and always the project's own fixtures and examples (every rule reports on them)."""
    articles = []
    if CORPUS.is_file():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)
            articles.append((f"corpus/{story['id']}.txt", f"{story['title']}\n\n{story['text']}\n"))
    for path in sorted((ROOT / "tests" / "fixtures").glob("*/*")) + sorted((ROOT / "examples").glob("*.md")):
        if path.suffix in (".md", ".txt"):
            articles.append((f"{path.parent.name}/{path.name}", path.read_text(encoding="utf-8")))
    # Pairs that differ in what the article says about a word: a verdict kept from the first
    # would be wrong in the second ("Teh" is a name where the article writes it mid-sentence).
    articles += [
        ("pairs/named.txt", "Teh said the talks would resume. Officials met Teh on Monday.\n"),
        ("pairs/unnamed.txt", "Teh said the talks would resume on Monday.\n"),
        ("pairs/names.txt", "Sarqeb fell. Rebels left Saraqeb and Sarqeb.\n"),
        ("pairs/one-name.txt", "Rebels left Saraqeb on Monday.\n"),
    ]
    return articles


def _linter() -> Linter:
    # Every built-in rule, no configuration file (the paths are not on disk), no plugins.
    return Linter(load_plugins(load_entry_points=False), Overrides(select=("ALL",)))


def _lint_all(linter: Linter, articles: list[tuple[str, str]], where: Path) -> dict[str, list]:
    out = {}
    for name, text in articles:
        result = linter.lint_text(text, str(where / name))
        assert result.error is None, result.error
        out[name] = result.diagnostics
    return out


def test_output_does_not_depend_on_the_order_of_articles(tmp_path):
    articles = _articles()
    forward = _lint_all(_linter(), articles, tmp_path)
    backward = _lint_all(_linter(), articles[::-1], tmp_path)
    assert sum(map(len, forward.values())) > len(articles) // 10  # the rules did report
    for name, _ in articles:
        assert forward[name] == backward[name], name


def test_an_article_alone_gives_what_it_gives_after_the_others(tmp_path):
    articles = _articles()
    after_others = _lint_all(_linter(), articles, tmp_path)
    for name, text in articles[:: max(1, len(articles) // 25)]:
        assert _lint_all(_linter(), [(name, text)], tmp_path)[name] == after_others[name], name


def test_a_context_loads_once_and_resets():
    calls = []

    def build(path: str) -> list[str]:
        calls.append(path)
        return [path]

    context = RunContext()
    assert context.load(build, "a") is context.load(build, "a")
    assert context.load(build, "b") == ["b"] and calls == ["a", "b"]
    square = context.memo(lambda n: n * n, limit=2)
    assert list(map(square.__getitem__, [3, 3, 4])) == [9, 9, 16]
    context.reset()
    context.load(build, "a")
    assert calls == ["a", "b", "a"]


def test_a_context_sent_to_a_worker_process_carries_nothing_loaded():
    import pickle

    context = RunContext()
    context.load(list, (1, 2))
    assert pickle.loads(pickle.dumps(context))._loaded == {}
