"""RDB002 paragraph-too-hard (fixtures: tests/fixtures/RDB002/)."""

from __future__ import annotations

from pathlib import Path

import newslint

ROOT = Path(__file__).resolve().parent.parent.parent


def test_rdb002_threshold_is_configurable(tmp_path):
    text = (ROOT / "tests" / "fixtures" / "RDB002" / "hard.txt").read_text(encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text('[rules.paragraph-too-hard]\nmax-grade = 40\n', encoding="utf-8")
    assert newslint.lint_text(text, str(tmp_path / "a.txt"), select=["RDB002"], config=str(config)) == []
    assert len(newslint.lint_text(text, "a.txt", select=["RDB002"])) == 1


def test_paragraph_grade_skips_only_paragraphs_too_short_to_grade(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text("[rules.RDB002]\nmax-grade = 1\nmin-sentences = 2\nmin-words = 5\n", encoding="utf-8")
    text = (
        "Notwithstanding considerable international apprehension.\n\n"  # four words, one sentence: too short
        "Governmental representatives characterised military operations.\n\n"  # five words
        "Intermittent negotiations. Unavoidable consequences.\n"  # two sentences
    )
    lines = [d.line for d in newslint.lint_text(text, str(tmp_path / "a.txt"), select=["RDB002"], config=str(config))]
    assert lines == [3, 5]
