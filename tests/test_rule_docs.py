"""docs/rules/ is current: each built-in rule's page is what `newslint rule CODE` prints.

The pages are generated (scripts/build_rule_docs.py); a rule whose docstring changed without
the pages being rebuilt would send an editor's reader to stale documentation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_rule_docs.py"


def test_the_rule_pages_are_current():
    run = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_a_page_is_what_newslint_rule_prints(run):
    page = (ROOT / "docs" / "rules" / "TYP003.md").read_text(encoding="utf-8")
    assert run("rule", "TYP003").out.startswith(page)
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    assert "| [TYP003](TYP003.md) | repeated-word |" in index


def test_check_names_a_stale_page(tmp_path):
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import build_rule_docs
    finally:
        sys.path.remove(str(SCRIPT.parent))
    (tmp_path / "TYP003.md").write_text("# edited by hand\n", encoding="utf-8")
    (tmp_path / "OLD001.md").write_text("# a rule that is gone\n", encoding="utf-8")
    stale = build_rule_docs.stale(tmp_path)
    assert "TYP003.md" in stale and "OLD001.md" in stale and "TYP001.md" in stale
