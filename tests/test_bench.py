"""The benchmark (bench/) still runs and measures what it says: its help, the copy it writes,
and the timers it wraps around newslint's parse stages and rules. Nothing here is timed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _articles(n: int) -> list[str]:
    """Made-up articles of different lengths (never the corpus)."""
    return [f"Headline number {i}\n\n" + "The council met on Tuesday and said it would vote. " * (i % 7 + 1) + "\n"
            for i in range(n)]


def test_help_explains_the_quick_mode():
    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--help"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "--quick" in proc.stdout and "NEWSLINT_CORPUS" in proc.stdout


def test_one_file_per_article_and_documents_of_whole_articles(tmp_path):
    run = _load("run")
    texts = _articles(40)
    paths = run.write_articles(texts, tmp_path / "articles")
    assert [p.read_text(encoding="utf-8") for p in paths] == texts
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == [p.name for p in paths]

    total = sum(len(t.encode()) for t in texts)
    sizes = (total / 4 / 1e6, total / 2 / 1e6)
    *cuts, joined = run.write_documents(texts, tmp_path / "documents", sizes)
    assert joined.read_text(encoding="utf-8") == "\n".join(texts)
    for cut, size_mb in zip(cuts, sizes):
        text = cut.read_text(encoding="utf-8")
        assert 0 < cut.stat().st_size <= size_mb * 1e6
        count = text.count("Headline number")
        assert text == "\n".join(texts[:count])  # whole articles, from the start


def test_the_stage_timers_find_what_they_wrap(tmp_path):
    """When parse() or the engine is reorganised, bench/stages.py must be told where the stages
    went (PARSE_STAGES, the engine's per-rule step): otherwise its table silently lumps them."""
    pytest.importorskip("newslint")
    stages = _load("stages")
    article = tmp_path / "story.txt"
    article.write_text(_articles(3)[2], encoding="utf-8")
    from newslint.parse.native import _load as load_native

    paths = ["python"] + (["native"] if load_native("1") is not None else [])
    by_path = stages.measure_paths([str(article)], 1, paths)
    for path, figures in by_path.items():
        timed = figures["timed"][0]
        assert timed["missing_timers"] == []
        # Each path calls the stages it has: pure Python splits and tokenises apart, native in one call.
        not_called = {"front matter"} | ({"sentences", "tokens"} if path == "native" else {"sentences, tokens (native)"})
        assert set(stages.PARSE_STAGES) - not_called <= set(timed["stages"]), path
        assert any(label.startswith("rule TYP") for label in timed["stages"])
        labels = [label.strip() for label, _ in stages.breakdown(figures)]
        assert "parse, other" in labels and "TYP" in labels
    assert "native" in stages.render_paths(by_path) or paths == ["python"]


def test_the_memory_probes_find_what_they_wrap(tmp_path):
    """bench/memory.py marks parse, each rule and each family's analyses from outside: when the
    engine or the Document is reorganised, it must be told where they went."""
    pytest.importorskip("newslint")
    memory = _load("memory")
    article = tmp_path / "story.txt"
    article.write_text(_articles(3)[2], encoding="utf-8")
    figures = memory.probe(str(article), "tracemalloc")
    steps = [step["step"] for step in figures["steps"]]
    assert steps[:3] == ["warm Linter", "read, decode", "parse"] and steps[-1] == "lint done, Document released"
    assert "rule TYP001" in steps and "rule NL100 (review)" in steps
    assert "typos" in figures["kept"] and figures["counts"]["tokens"] > 0
    assert figures["problems"] == []


def test_cold_start_ratio_is_newslint_time_over_codespell_time(tmp_path, monkeypatch):
    """The cold-start target is "newslint takes at most 0.8x codespell's time": a newslint that
    takes 120 ms where codespell takes 100 ms is at 1.2x, and misses it."""
    run = _load("run")
    article = tmp_path / "story.txt"
    article.write_text("Headline\n\nThe council met on Tuesday.\n", encoding="utf-8")

    def fake_rounds(commands, warmup, runs, what, notes):
        seconds = {"newslint": 0.120, "codespell": 0.100}
        return {label: [run.Run(seconds[label], seconds[label], 30.0, 1, "")] * 5 for label in commands}

    monkeypatch.setattr(run, "rounds", fake_rounds)
    (row,) = run.cold_start({"newslint": Path("newslint"), "codespell": Path("codespell")}, [article], 0, 5, [])
    assert row["newslint_vs_codespell"] == pytest.approx(1.2)
    target = next(t for t in run.targets({"articles": {"commands": {}}, "settings": {}, "cold_start": [row],
                                          "document": {"commands": {"newslint": {}}, "bytes": 2_000_000},
                                          "sizes": []})
                  if t[0].startswith("cold start"))
    assert target[2] is False and "1.20x" in target[1]
