"""`newslint stats`, the metrics in JSON output and `-o FILE` (the RDB rules' own tests are in tests/rules/)."""

from __future__ import annotations

import json
from pathlib import Path

from newslint.metrics import document_metrics
from newslint.parse import parse

ROOT = Path(__file__).resolve().parent.parent
LONG = (ROOT / "tests" / "fixtures" / "RDB001" / "long-sentences.txt").read_text(encoding="utf-8")


def test_json_files_carry_the_metrics(run, write):
    write("a.txt", LONG)
    result = run("check", "--format", "json", "a.txt")
    assert result.code == 1
    data = json.loads(result.out)
    [entry] = data["files"]
    assert entry["path"] == "a.txt" and data["version"] == 1
    metrics = entry["metrics"]
    assert metrics == document_metrics(parse(LONG, "a.txt"))
    assert metrics["sentences"] == 5 and metrics["longest_sentence"] == 61
    assert set(metrics) == {
        "words", "sentences", "syllables", "avg_sentence_length", "longest_sentence", "flesch_reading_ease",
        "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
        "automated_readability_index", "passive_share",
    }


def test_stats_table_and_totals(run, write):
    write("a.txt", LONG)
    write("b.txt", "The army pushed north on Monday. Aid groups said thousands had fled.\n\nThe the talks resume.\n")
    result = run("stats", "a.txt", "b.txt")
    assert result.code == 0, result.err
    header, row_a, row_b, rule, total, note = result.lines
    columns = header.split()
    assert columns[:6] == ["FILE", "WORDS", "SENTS", "GRADE", "EASE", "LONGEST"]
    a = dict(zip(columns, row_a.split()))
    b = dict(zip(columns, row_b.split()))
    assert total.startswith("total (2 files)")
    totals = dict(zip(columns[1:], total.split()[3:]))
    assert (a["FILE"], b["FILE"]) == ("a.txt", "b.txt")
    assert int(totals["WORDS"]) == int(a["WORDS"]) + int(b["WORDS"])
    assert int(totals["SENTS"]) == int(a["SENTS"]) + int(b["SENTS"]) == 5 + 3
    assert (a["LONGEST"], totals["LONGEST"]) == ("61", "61")
    assert (a["READABILITY"], b["READABILITY"], totals["READABILITY"]) == ("3", "0", "3")
    assert (a["TYPOS"], b["TYPOS"], totals["TYPOS"]) == ("0", "1", "1")
    assert float(b["GRADE"]) < float(totals["GRADE"]) < float(a["GRADE"])  # pooled, between the two


def test_stats_json(run, write):
    write("a.txt", LONG)
    data = json.loads(run("stats", "--format", "json", "a.txt").out)
    [entry] = data["files"]
    assert entry["diagnostics"]["readability"] == 3
    assert data["totals"]["files"] == 1
    assert data["totals"]["metrics"] == entry["metrics"]  # one file: the pooled totals are its own


def test_output_file_for_text_and_json(run, write, tmp_path):
    write("a.txt", LONG)
    result = run("check", "-o", "report.txt", "a.txt")
    assert result.code == 1 and result.out == ""
    assert "RDB001 Sentence of 61 words" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    run("check", "--format", "json", "--output", "report.json", "a.txt")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["files"][0]["path"] == "a.txt"


def test_output_to_an_unwritable_place_is_one_clear_error(run, write):
    write("a.txt", "Short.\n")
    result = run("check", "-o", "no/such/folder/report.txt", "a.txt")
    assert result.code == 2
    assert result.err_lines == ["error: no/such/folder/report.txt: cannot write the report: No such file or directory"]


def test_stats_reads_standard_input(run, write):
    write("b.txt", "The army pushed north on Monday.\n")
    result = run("stats", "--format", "json", "--stdin-filename", "draft.md", "-", "b.txt",
                 input="---\ntitle: A draft\n---\nAid groups said thousands had fled. The talks resume.\n")
    assert result.code == 0
    files = {f["path"]: f for f in json.loads(result.out)["files"]}
    assert set(files) == {"draft.md", "b.txt"}
    assert files["draft.md"]["metrics"]["sentences"] == 2  # the body's; front matter is not counted
    assert files["b.txt"]["metrics"]["words"] == 6


def test_stats_reports_a_missing_file_and_goes_on(run, write):
    write("a.txt", LONG)
    result = run("stats", "a.txt", "missing.txt")
    assert result.code == 2
    assert result.err_lines == ["error: missing.txt: no such file or directory"]
    assert result.lines[1].split()[0] == "a.txt" and result.lines[-2].startswith("total (1 file)")


def test_html_goes_to_stdout_without_o(run, write):
    write("a.txt", LONG)
    result = run("check", "--format", "html", "a.txt")
    assert result.code == 1
    assert result.out.startswith("<!DOCTYPE html>") and result.out.count("<section class=\"article\"") == 1
