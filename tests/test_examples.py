"""examples/expected-output.log is what `newslint check examples/` prints (run `make update-examples`)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_examples_output_is_in_sync():
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--color", "never", "examples/"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    expected = (ROOT / "examples" / "expected-output.log").read_text(encoding="utf-8")
    assert result.stdout == expected, "run `make update-examples` after a deliberate change"


def test_examples_are_the_seed_articles_byte_for_byte():
    """The examples keep the seeds' bytes, so expected.tsv line numbers apply to them."""
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this clone")
    examples = [p for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"]
    assert sorted(p.read_bytes() for p in examples) == sorted(p.read_bytes() for p in seeds.glob("0*.txt"))
