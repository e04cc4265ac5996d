"""SPN002 (source-divergence): a draft aligned with its source on the command line."""

from __future__ import annotations


SOURCE = "Government forces retook the town on Tuesday, state media said. Turkey sent thousands of troops.\n"
DRAFT = "Executive forces retook the town on Tuesday, point out media said. Turkey sent hundreds of troops.\n"


def test_source_reports_swaps_and_changed_figures(run, write):
    write("wire.txt", SOURCE)
    write("draft.txt", DRAFT)
    result = run("check", "--select", "SPN002", "--source", "wire.txt", "draft.txt")
    assert result.code == 1
    assert result.lines[:3] == [
        "draft.txt:1:1: SPN002 \"Executive\" replaces the source's \"Government\"",
        "draft.txt:1:46: SPN002 \"point out\" replaces the source's \"state\"",
        "draft.txt:1:80: SPN002 figure changed from the source: \"hundreds\" where the source has \"thousands\"",
    ]


def test_the_source_itself_gives_no_reports(run, write):
    write("wire.txt", SOURCE)
    write("copy.txt", SOURCE)
    assert run("check", "--select", "SPN002", "--source", "wire.txt", "copy.txt").code == 0


def test_a_missing_source_is_one_clear_error(run, write):
    write("draft.txt", DRAFT)
    result = run("check", "--source", "nowhere.txt", "draft.txt")
    assert result.code == 2
    assert result.err_lines == ["error: nowhere.txt: cannot read the source: No such file or directory"]
